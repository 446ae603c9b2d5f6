package id.mpp.tracker.platform.security;

import id.mpp.tracker.access.Actor;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tokens as the realm in identity/realm-mpp.json issues them become the same actors as API keys do. */
class JwtActorConverterTest {

    private final JwtActorConverter converter = new JwtActorConverter();

    @Test
    void anOfficersTokenNamesTheOfficerAndTheirMpp() {
        var authentication = (ActorAuthentication) converter.convert(token(Map.of(
                "preferred_username", "sample-officer-surabaya", "mpp_role", "MPP_OFFICER", "mpp_code", "KOTA-SURABAYA")));

        assertThat(authentication.actor()).isEqualTo(Actor.officer("sample-officer-surabaya", MppCode.of("KOTA-SURABAYA")));
        assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_MPP_OFFICER");
    }

    @Test
    void anAgencyServiceAccountNamesItsAgency() {
        var authentication = (ActorAuthentication) converter.convert(token(Map.of(
                "mpp_role", "AGENCY_SYSTEM", "agency_code", "DUKCAPIL")));

        assertThat(authentication.actor()).isEqualTo(Actor.agencySystem("subject-1", AgencyCode.of("DUKCAPIL")));
    }

    @Test
    void aTokenWithoutAValidRoleOrWithoutItsMppIsRefused() {
        assertThatThrownBy(() -> converter.convert(token(Map.of("preferred_username", "someone"))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> converter.convert(token(Map.of("mpp_role", "SUPERUSER"))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> converter.convert(token(Map.of("mpp_role", "MPP_OFFICER"))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    private static Jwt token(Map<String, Object> claims) {
        var builder = Jwt.withTokenValue("token").header("alg", "RS256").subject("subject-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        claims.forEach(builder::claim);
        return builder.build();
    }
}

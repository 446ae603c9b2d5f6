package id.mpp.tracker.platform.security;

import id.mpp.tracker.access.Actor;
import id.mpp.tracker.access.Role;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.Optional;

/**
 * Reads the actor from an identity provider's token: claims {@code mpp_role}, {@code mpp_code} and
 * {@code agency_code} (mapped from user or client attributes), and the account in {@code preferred_username}
 * or {@code sub}.
 */
class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        try {
            String id = Optional.ofNullable(jwt.getClaimAsString("preferred_username")).orElse(jwt.getSubject());
            Role role = Role.valueOf(jwt.getClaimAsString("mpp_role"));
            MppCode mpp = Optional.ofNullable(jwt.getClaimAsString("mpp_code")).map(MppCode::of).orElse(null);
            AgencyCode agency = Optional.ofNullable(jwt.getClaimAsString("agency_code")).map(AgencyCode::of).orElse(null);
            return new ActorAuthentication(new Actor(id, role, mpp, agency));
        } catch (RuntimeException e) {
            throw new InvalidBearerTokenException("The token does not name a valid mpp_role with its MPP or agency");
        }
    }
}

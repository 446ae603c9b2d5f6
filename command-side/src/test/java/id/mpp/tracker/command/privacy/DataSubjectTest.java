package id.mpp.tracker.command.privacy;

import id.mpp.tracker.access.Actor;
import id.mpp.tracker.access.Role;
import id.mpp.tracker.application.Applicant;
import id.mpp.tracker.application.Nik;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.command.application.ActorParameterResolverFactory;
import id.mpp.tracker.command.application.CommandRefusedException;
import id.mpp.tracker.command.application.Refusal;
import id.mpp.tracker.privacy.DataSubjectErased;
import id.mpp.tracker.privacy.PersonalDataVault;
import id.mpp.tracker.privacy.SealedApplicant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DataSubjectTest {

    private static final String SUBJECT = "subject-of-ratna";
    private static final String KEY = "key-of-ratna-1";
    private static final EraseDataSubject ERASE = new EraseDataSubject(SUBJECT, "Permintaan subjek data");
    private static final Actor OFFICER = Actor.of("dpo", Role.ADMIN);

    private final ShreddingVault vault = new ShreddingVault();
    private AggregateTestFixture<DataSubject> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(DataSubject.class);
        fixture.registerInjectableResource(vault);
    }

    @Test
    void theDataProtectionOfficerErasesAPersonsDataAndTheKeyIsShreddedOnceTheErasureIsStored() {
        fixture.givenNoPriorActivity()
                .when(ERASE, ActorParameterResolverFactory.metaDataOf(OFFICER))
                .expectEvents(new DataSubjectErased(SUBJECT, KEY, "Permintaan subjek data"));

        assertThat(vault.shredded).containsExactly(KEY);
    }

    @Test
    void thereIsNothingToEraseWhenNoDataOfThePersonIsHeld() {
        vault.currentKey = null;

        fixture.given(new DataSubjectErased(SUBJECT, KEY, "earlier"))
                .when(ERASE, ActorParameterResolverFactory.metaDataOf(OFFICER))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof CommandRefusedException refused
                        && refused.refusal().kind() == Refusal.Kind.RULE_VIOLATION
                        && refused.refusal().properties().get("rule").equals("nothing-to-erase")));
        assertThat(vault.shredded).isEmpty();
    }

    @Test
    void aPersonWhoAppliedAgainAfterAnErasureIsErasedAgainWithTheNewKey() {
        vault.currentKey = "key-of-ratna-2";

        fixture.given(new DataSubjectErased(SUBJECT, KEY, "earlier"))
                .when(ERASE, ActorParameterResolverFactory.metaDataOf(OFFICER))
                .expectEvents(new DataSubjectErased(SUBJECT, "key-of-ratna-2", "Permintaan subjek data"));
        assertThat(vault.shredded).containsExactly("key-of-ratna-2");
    }

    static Stream<Actor> othersThanTheDataProtectionOfficer() {
        return Stream.of(Actor.officer("petugas-1", MppCode.of("KOTA-SURABAYA")), Actor.agencySystem("dukcapil", AgencyCode.of("DUKCAPIL")), Actor.of("portal", Role.DIGITAL_PORTAL),
                Actor.of("auditor", Role.AUDITOR), Actor.of("viewer", Role.DASHBOARD_VIEWER));
    }

    @ParameterizedTest
    @MethodSource("othersThanTheDataProtectionOfficer")
    void nobodyElseMayErase(Actor actor) {
        fixture.givenNoPriorActivity()
                .when(ERASE, ActorParameterResolverFactory.metaDataOf(actor))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof CommandRefusedException refused
                        && refused.refusal().kind() == Refusal.Kind.FORBIDDEN
                        && refused.getMessage().contains(actor.role().name())));
        assertThat(vault.shredded).isEmpty();
    }

    /** Holds one current key of the subject and records which keys were shredded. */
    private static final class ShreddingVault implements PersonalDataVault {

        final List<String> shredded = new ArrayList<>();
        String currentKey = KEY;

        @Override
        public String dataSubjectId(Nik nik) {
            return SUBJECT;
        }

        @Override
        public SealedApplicant seal(Applicant applicant) {
            return new SealedApplicant(SUBJECT, currentKey, "sealed");
        }

        @Override
        public Optional<Applicant> open(SealedApplicant sealed) {
            return Optional.empty();
        }

        @Override
        public Optional<String> currentKeyId(String dataSubjectId) {
            return Optional.ofNullable(currentKey);
        }

        @Override
        public void shred(String dataSubjectId, String keyId) {
            shredded.add(keyId);
        }
    }
}

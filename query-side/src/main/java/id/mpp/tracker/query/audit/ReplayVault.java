package id.mpp.tracker.query.audit;

import id.mpp.tracker.application.Applicant;
import id.mpp.tracker.application.Nik;
import id.mpp.tracker.privacy.PersonalDataVault;
import id.mpp.tracker.privacy.SealedApplicant;

import java.util.Optional;

/**
 * The vault as a replay of one application's view may use it (a reading that is logged): it opens personal data
 * but can never seal or shred a key.
 */
final class ReplayVault implements PersonalDataVault {

    private final PersonalDataVault live;

    private ReplayVault(PersonalDataVault live) {
        this.live = live;
    }

    static PersonalDataVault opening(PersonalDataVault live) {
        return new ReplayVault(live);
    }

    @Override
    public String dataSubjectId(Nik nik) {
        return live.dataSubjectId(nik);
    }

    @Override
    public SealedApplicant seal(Applicant applicant) {
        throw new UnsupportedOperationException("A replay seals nothing");
    }

    @Override
    public Optional<Applicant> open(SealedApplicant sealed) {
        return live.open(sealed);
    }

    @Override
    public Optional<String> currentKeyId(String dataSubjectId) {
        return live.currentKeyId(dataSubjectId);
    }

    @Override
    public void shred(String dataSubjectId, String keyId) {
        // an erasure replayed is history: the key was shredded when it happened
    }
}

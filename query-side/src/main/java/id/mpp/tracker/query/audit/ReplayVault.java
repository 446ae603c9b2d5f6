package id.mpp.tracker.query.audit;

import id.mpp.tracker.application.Applicant;
import id.mpp.tracker.application.Nik;
import id.mpp.tracker.privacy.PersonalDataVault;
import id.mpp.tracker.privacy.SealedApplicant;

import java.util.Optional;

/**
 * The vault as a replay may use it: it can never seal or shred a key, and it opens personal data only when the
 * replay is to show it (one application's view, whose reading is logged), not for a dashboard.
 */
final class ReplayVault implements PersonalDataVault {

    private final PersonalDataVault live;
    private final boolean opens;

    private ReplayVault(PersonalDataVault live, boolean opens) {
        this.live = live;
        this.opens = opens;
    }

    static PersonalDataVault opening(PersonalDataVault live) {
        return new ReplayVault(live, true);
    }

    static PersonalDataVault sealed(PersonalDataVault live) {
        return new ReplayVault(live, false);
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
        return opens ? live.open(sealed) : Optional.empty();
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

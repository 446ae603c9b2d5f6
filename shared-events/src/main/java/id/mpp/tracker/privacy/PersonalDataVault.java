package id.mpp.tracker.privacy;

import id.mpp.tracker.application.Applicant;
import id.mpp.tracker.application.Nik;

import java.util.Optional;

/** Seals personal data under per-subject keys, opens it while its key exists, and shreds keys on erasure. */
public interface PersonalDataVault {

    /** The pseudonymous id of the person with this NIK: stable, and not reversible without the master key. */
    String dataSubjectId(Nik nik);

    /** Seals under the subject's current key, creating one when there is none (first application, or after an erasure). */
    SealedApplicant seal(Applicant applicant);

    /** Empty once the key it was sealed with has been shredded. */
    Optional<Applicant> open(SealedApplicant sealed);

    /** The id of the subject's current key, if the system holds any of their data. */
    Optional<String> currentKeyId(String dataSubjectId);

    /** Deletes that key of the subject, if it is still there; a newer key is left alone. Idempotent. */
    void shred(String dataSubjectId, String keyId);
}

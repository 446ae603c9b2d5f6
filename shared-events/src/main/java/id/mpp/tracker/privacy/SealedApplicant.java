package id.mpp.tracker.privacy;

/**
 * An applicant's personal data as events keep it: encrypted under one key of the data subject's own
 * ({@code keyId}), with the subject's pseudonymous id. Deleting that key (crypto-shredding) erases the data from
 * every stored event; a person who applies again after an erasure gets a new key.
 */
public record SealedApplicant(String dataSubjectId, String keyId, String ciphertext) {
}

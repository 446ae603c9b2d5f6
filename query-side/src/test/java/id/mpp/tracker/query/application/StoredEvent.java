package id.mpp.tracker.query.application;

import id.mpp.tracker.privacy.DataSubjectErased;
import id.mpp.tracker.privacy.SealedApplicant;

import java.time.Instant;

/**
 * An event as the event store hands it out: the aggregate that recorded it, its sequence number within that
 * aggregate, the payload, and when it happened.
 */
public record StoredEvent(String aggregateType, String aggregateId, long sequence, Object payload, Instant at) {

    /** Stable for every delivery of the event, as the event store's identifier is. */
    public String identifier() {
        return aggregateId + "#" + sequence;
    }

    /** The erasure of the key that sealed {@code sealed}, the first event of that person's DataSubject. */
    static StoredEvent erasure(SealedApplicant sealed, Instant at) {
        return new StoredEvent("DataSubject", sealed.dataSubjectId(), 0,
                new DataSubjectErased(sealed.dataSubjectId(), sealed.keyId(), "Permintaan penghapusan data pribadi (UU 27/2022)"), at);
    }
}

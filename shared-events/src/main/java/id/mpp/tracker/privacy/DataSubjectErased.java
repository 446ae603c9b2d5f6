package id.mpp.tracker.privacy;

import org.axonframework.serialization.Revision;

/**
 * A person's personal data was erased on request (UU 27/2022): the key {@code keyId} is gone, so everything sealed
 * with it is unreadable, while the history keeps its shape.
 */
@Revision("1")
public record DataSubjectErased(String dataSubjectId, String keyId, String reason) {
}

package id.mpp.tracker.application;

import org.axonframework.serialization.Revision;

/** The citizen withdrew the application before a decision. */
@Revision("1")
public record ApplicationWithdrawn(ApplicationId applicationId, String reason) {
}

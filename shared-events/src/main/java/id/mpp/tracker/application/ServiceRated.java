package id.mpp.tracker.application;

import org.axonframework.serialization.Revision;

/** The citizen rated the service (SKM, 1 to 4) after the decision. */
@Revision("1")
public record ServiceRated(ApplicationId applicationId, int score, String comment) {
}

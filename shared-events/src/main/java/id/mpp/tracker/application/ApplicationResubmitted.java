package id.mpp.tracker.application;

import org.axonframework.serialization.Revision;

/** The citizen handed in the corrected file. */
@Revision("1")
public record ApplicationResubmitted(ApplicationId applicationId, String note) {
}

package id.mpp.tracker.application;

import id.mpp.tracker.catalogue.AgencyCode;
import org.axonframework.serialization.Revision;

/** The agency granted the service; the output (a document, a licence) is ready. */
@Revision("1")
public record ApplicationCompleted(ApplicationId applicationId, AgencyCode agencyCode, String outputReference) {
}

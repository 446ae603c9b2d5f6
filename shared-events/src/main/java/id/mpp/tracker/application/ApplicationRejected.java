package id.mpp.tracker.application;

import id.mpp.tracker.catalogue.AgencyCode;
import org.axonframework.serialization.Revision;

/** The agency refused the service, with its reason. */
@Revision("1")
public record ApplicationRejected(ApplicationId applicationId, AgencyCode agencyCode, String reason) {
}

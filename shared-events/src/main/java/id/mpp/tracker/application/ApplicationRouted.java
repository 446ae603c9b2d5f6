package id.mpp.tracker.application;

import id.mpp.tracker.catalogue.AgencyCode;
import org.axonframework.serialization.Revision;

/** The application was sent to the agency that handles its service. */
@Revision("1")
public record ApplicationRouted(ApplicationId applicationId, AgencyCode agencyCode) {
}

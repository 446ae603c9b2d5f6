package id.mpp.tracker.application;

import id.mpp.tracker.catalogue.AgencyCode;
import org.axonframework.serialization.Revision;

/** The agency took the application up. */
@Revision("1")
public record ProcessingStarted(ApplicationId applicationId, AgencyCode agencyCode) {
}

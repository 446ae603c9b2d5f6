package id.mpp.tracker.application;

import id.mpp.tracker.catalogue.AgencyCode;
import org.axonframework.serialization.Revision;

/** The application was moved to another agency; its clock does not restart. */
@Revision("1")
public record ApplicationRerouted(ApplicationId applicationId, AgencyCode fromAgencyCode, AgencyCode toAgencyCode, String reason) {
}

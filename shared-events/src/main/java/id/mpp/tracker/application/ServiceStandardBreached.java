package id.mpp.tracker.application;

import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.sla.DueDate;
import org.axonframework.serialization.Revision;

/** The due date passed while the agency had not decided: the service standard was not met. Recorded once. */
@Revision("1")
public record ServiceStandardBreached(ApplicationId applicationId, AgencyCode agencyCode, DueDate due) {
}

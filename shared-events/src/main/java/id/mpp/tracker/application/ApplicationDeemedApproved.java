package id.mpp.tracker.application;

import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.sla.DueDate;
import org.axonframework.serialization.Revision;

/**
 * The due date of a licensing service passed without a decision, so the law approves it (UU 30/2014 art. 53 as
 * amended): a decision, recorded instead of a breach.
 */
@Revision("1")
public record ApplicationDeemedApproved(ApplicationId applicationId, AgencyCode agencyCode, DueDate due) {
}

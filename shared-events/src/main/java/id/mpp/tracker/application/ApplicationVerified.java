package id.mpp.tracker.application;

import id.mpp.tracker.catalogue.ServiceStandard;
import id.mpp.tracker.sla.DueDate;
import org.axonframework.serialization.Revision;

/**
 * The file was checked and found complete (diterima secara lengkap): the service clock starts. Records the
 * standard and the deemed-approval rule in force at that moment, and the due date they give.
 * Revision 1 carried no clock; such applications have no due date.
 */
@Revision("2")
public record ApplicationVerified(ApplicationId applicationId, ServiceStandard standard, boolean deemedApproval,
                                  DueDate due) {
}

package id.mpp.tracker.application;

import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.sla.Timeliness;
import org.axonframework.serialization.Revision;

/**
 * The agency granted the service; the output (a document, a licence) is ready. {@code timeliness} says whether
 * it was decided within the standard and, if not, by how much it was late. Revision 1 carried no timeliness.
 */
@Revision("2")
public record ApplicationCompleted(ApplicationId applicationId, AgencyCode agencyCode, String outputReference,
                                   Timeliness timeliness) {
}

package id.mpp.tracker.application;

import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.ServiceCode;
import id.mpp.tracker.privacy.SealedApplicant;
import org.axonframework.serialization.Revision;

/**
 * A citizen's application was received at an MPP counter, a roadshow or MPP Digital. The applicant's personal
 * data is sealed (revision 2; revision 1 held it in plain text and was never released).
 */
@Revision("2")
public record ApplicationSubmitted(ApplicationId applicationId, TrackingNumber trackingNumber, MppCode mppCode, ServiceCode serviceCode,
                                   AgencyCode agencyCode, Channel channel, SealedApplicant applicant) {
}

package id.mpp.tracker.application;

import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.ServiceCode;
import org.axonframework.serialization.Revision;

/** A citizen's application was received at an MPP counter, a roadshow or MPP Digital. */
@Revision("1")
public record ApplicationSubmitted(ApplicationId applicationId, TrackingNumber trackingNumber, MppCode mppCode, ServiceCode serviceCode,
                                   AgencyCode agencyCode, Channel channel, Applicant applicant) {
}

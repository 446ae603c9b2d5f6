package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.TrackingNumber;

/** Issues tracking numbers that are unique nationally, each to one application. */
public interface TrackingNumberIssuer {

    TrackingNumber issueFor(ApplicationId applicationId);
}

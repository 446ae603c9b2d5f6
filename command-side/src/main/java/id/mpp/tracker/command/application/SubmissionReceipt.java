package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.application.TrackingNumber;

/** What the citizen takes home from a submission: the tracking number to quote. */
public record SubmissionReceipt(ApplicationId applicationId, TrackingNumber trackingNumber, ApplicationStatus status,
                                long version) {
}

package id.mpp.tracker.application.query;

import id.mpp.tracker.application.ApplicationStatus;

import java.time.Instant;
import java.util.List;

/** What a citizen sees with only a tracking number: no NIK, no name, no reasons written by officers. */
public record TrackingView(String trackingNumber, String mppCode, String mppName, String serviceCode,
                           String serviceName, ApplicationStatus status, Instant submittedAt,
                           Instant lastChangedAt, List<String> outstandingDocuments, ServiceTimeView serviceTime,
                           List<StatusChange> history) {
}

package id.mpp.tracker.application.query;

import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.application.Channel;

import java.time.Instant;

/** A line of an application list: no personal data. */
public record ApplicationSummary(String applicationId, String trackingNumber, String mppCode, String serviceCode,
                                 String agencyCode, Channel channel, ApplicationStatus status,
                                 Instant submittedAt, Instant lastChangedAt, ServiceTimeView serviceTime, long version) {
}

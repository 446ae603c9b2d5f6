package id.mpp.tracker.application.query;

import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.application.Channel;

import java.time.Instant;
import java.util.List;

/** Everything known about one application, as an officer or the applicant's agency sees it. */
public record ApplicationView(String applicationId, String trackingNumber, String mppCode, String serviceCode,
                              String agencyCode, Channel channel, ApplicantView applicant,
                              ApplicationStatus status, Instant submittedAt, Instant verifiedAt,
                              Instant decidedAt, Instant lastChangedAt, List<String> outstandingDocuments,
                              String lastReason, String outputReference, RatingView rating,
                              ServiceTimeView serviceTime, List<StatusChange> history, long version) {

    /** The applicant, or only {@code erased = true} once the person's data was erased. */
    public record ApplicantView(String dataSubjectId, String nik, String name, String phone, String email, boolean erased) {
    }

    public record RatingView(int score, String comment, Instant ratedAt) {
    }
}

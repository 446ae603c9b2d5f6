package id.mpp.tracker.query.application;

import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.application.Channel;
import id.mpp.tracker.application.query.ApplicationSummary;
import id.mpp.tracker.application.query.ApplicationView;
import id.mpp.tracker.application.query.StatusChange;
import id.mpp.tracker.application.query.TrackingView;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.Mpp;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.Service;
import id.mpp.tracker.catalogue.ServiceCode;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The status read model of one application, keyed by its id. {@code version} is the sequence number of the
 * last event applied: an event at or below it has been applied already and is skipped.
 */
@Document(ApplicationDocument.COLLECTION)
class ApplicationDocument {

    static final String COLLECTION = "applications";

    @Id
    String id;
    String trackingNumber;
    String mppCode;
    String serviceCode;
    String agencyCode;
    Channel channel;
    String dataSubjectId;
    String dataSubjectKeyId;
    /** Null once the person's data was erased. */
    Applicant applicant;
    ApplicationStatus status;
    Instant submittedAt;
    Instant verifiedAt;
    Instant decidedAt;
    Instant lastChangedAt;
    List<String> outstandingDocuments = new ArrayList<>();
    String lastReason;
    String outputReference;
    Rating rating;
    List<StatusChange> history = new ArrayList<>();
    long version;

    record Applicant(String nik, String name, String phone, String email) {
    }

    record Rating(int score, String comment, Instant ratedAt) {
    }

    ApplicationView toView() {
        return new ApplicationView(id, trackingNumber, mppCode, serviceCode, agencyCode, channel,
                applicant == null
                        ? new ApplicationView.ApplicantView(dataSubjectId, null, null, null, null, true)
                        : new ApplicationView.ApplicantView(dataSubjectId, applicant.nik(), applicant.name(), applicant.phone(),
                        applicant.email(), false),
                status, submittedAt, verifiedAt, decidedAt, lastChangedAt, List.copyOf(outstandingDocuments),
                lastReason, outputReference,
                rating == null ? null : new ApplicationView.RatingView(rating.score(), rating.comment(), rating.ratedAt()),
                List.copyOf(history), version);
    }

    ApplicationSummary toSummary() {
        return new ApplicationSummary(id, trackingNumber, mppCode, serviceCode, agencyCode, channel, status,
                submittedAt, lastChangedAt, version);
    }

    TrackingView toTrackingView(Catalogue catalogue) {
        String mppName = catalogue.mpp(MppCode.of(mppCode)).map(Mpp::name).orElse(mppCode);
        String serviceName = catalogue.service(ServiceCode.of(serviceCode)).map(Service::name).orElse(serviceCode);
        return new TrackingView(trackingNumber, mppCode, mppName, serviceCode, serviceName, status, submittedAt,
                lastChangedAt, List.copyOf(outstandingDocuments), List.copyOf(history));
    }
}

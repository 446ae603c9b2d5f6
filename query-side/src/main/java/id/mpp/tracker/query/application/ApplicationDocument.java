package id.mpp.tracker.query.application;

import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.application.ApplicationVerified;
import id.mpp.tracker.application.Channel;
import id.mpp.tracker.application.query.ApplicationSummary;
import id.mpp.tracker.application.query.ApplicationView;
import id.mpp.tracker.application.query.ServiceTimeView;
import id.mpp.tracker.application.query.StatusChange;
import id.mpp.tracker.application.query.TrackingView;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.Mpp;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.Service;
import id.mpp.tracker.catalogue.ServiceCode;
import id.mpp.tracker.catalogue.ServiceStandard;
import id.mpp.tracker.sla.DueDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
    /** Null until the file is verified and the clock starts. */
    ServiceTime serviceTime;
    List<StatusChange> history = new ArrayList<>();
    long version;

    record Applicant(String nik, String name, String phone, String email) {
    }

    record Rating(int score, String comment, Instant ratedAt) {
    }

    /** The service clock: the standard it runs by, its due date, and whether it is paused, breached or decided late. */
    static class ServiceTime {
        int standardDays;
        ServiceStandard.DayUnit unit;
        boolean deemedApproval;
        /** ISO date, so that no time zone of a driver shifts it. */
        String dueBy;
        String zone;
        boolean calendarCertain;
        Instant dueAt;
        Instant pausedAt;
        Instant breachedAt;
        Integer daysLate;

        static ServiceTime startedBy(ApplicationVerified verified) {
            var time = new ServiceTime();
            time.standardDays = verified.standard().days();
            time.unit = verified.standard().unit();
            time.deemedApproval = verified.deemedApproval();
            time.moveTo(verified.due());
            return time;
        }

        void moveTo(DueDate due) {
            dueBy = due.lastDay().toString();
            zone = due.zone().getId();
            calendarCertain = due.calendarCertain();
            dueAt = due.dueAt();
        }

        DueDate due() {
            return new DueDate(LocalDate.parse(dueBy), ZoneId.of(zone), calendarCertain);
        }
    }

    ApplicationView toView(ServiceTimeView serviceTimeView) {
        return new ApplicationView(id, trackingNumber, mppCode, serviceCode, agencyCode, channel,
                applicant == null
                        ? new ApplicationView.ApplicantView(dataSubjectId, null, null, null, null, true)
                        : new ApplicationView.ApplicantView(dataSubjectId, applicant.nik(), applicant.name(), applicant.phone(),
                        applicant.email(), false),
                status, submittedAt, verifiedAt, decidedAt, lastChangedAt, List.copyOf(outstandingDocuments),
                lastReason, outputReference,
                rating == null ? null : new ApplicationView.RatingView(rating.score(), rating.comment(), rating.ratedAt()),
                serviceTimeView, List.copyOf(history), version);
    }

    ApplicationSummary toSummary(ServiceTimeView serviceTimeView) {
        return new ApplicationSummary(id, trackingNumber, mppCode, serviceCode, agencyCode, channel, status,
                submittedAt, lastChangedAt, serviceTimeView, version);
    }

    TrackingView toTrackingView(Catalogue catalogue, ServiceTimeView serviceTimeView) {
        String mppName = catalogue.mpp(MppCode.of(mppCode)).map(Mpp::name).orElse(mppCode);
        String serviceName = catalogue.service(ServiceCode.of(serviceCode)).map(Service::name).orElse(serviceCode);
        return new TrackingView(trackingNumber, mppCode, mppName, serviceCode, serviceName, status, submittedAt,
                lastChangedAt, List.copyOf(outstandingDocuments), serviceTimeView, List.copyOf(history));
    }
}

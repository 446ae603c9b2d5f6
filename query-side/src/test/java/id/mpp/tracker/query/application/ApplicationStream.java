package id.mpp.tracker.query.application;

import id.mpp.tracker.catalogue.ServiceStandard;
import id.mpp.tracker.sla.DueDate;
import id.mpp.tracker.sla.Timeliness;
import java.time.ZoneId;
import id.mpp.tracker.application.*;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.ServiceCode;
import id.mpp.tracker.privacy.SealedApplicant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The events of one application in the order its aggregate records them: sequence numbers from 0, one hour apart.
 * Each step appends one event and returns the stream, so a life reads as a chain of steps. The applicant comes
 * sealed, as the command side stores it: seal {@link #APPLICANT} with a vault over the test database.
 */
public final class ApplicationStream {

    public static final Applicant APPLICANT = new Applicant(Nik.parse("3171014505900002"), "Siti Rahmawati",
            "+6281234567890", "siti.rahmawati@example.id");

    private static final Duration STEP = Duration.ofHours(1);
    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Random TRACKING_NUMBERS = new Random(2026);

    private final ApplicationId id = ApplicationId.random();
    private final TrackingNumber trackingNumber = TrackingNumber.generate(TRACKING_NUMBERS);
    private final List<StoredEvent> events = new ArrayList<>();
    private AgencyCode agency;
    private ServiceStandard standard;
    private DueDate due;
    private Instant next;

    private ApplicationStream(Instant submittedAt) {
        this.next = submittedAt;
    }

    public static ApplicationStream submitted(SealedApplicant applicant, String mpp, String service, String agency, Channel channel,
                                       Instant at) {
        var stream = new ApplicationStream(at);
        stream.agency = AgencyCode.of(agency);
        return stream.then(new ApplicationSubmitted(stream.id, stream.trackingNumber, MppCode.of(mpp),
                ServiceCode.of(service), stream.agency, channel, applicant));
    }

    public ApplicationStream returnedForCorrection(String reason, String... missingDocuments) {
        return then(new ApplicationReturnedForCorrection(id, reason, List.of(missingDocuments)));
    }

    public ApplicationStream resubmitted(String note) {
        return then(new ApplicationResubmitted(id, note));
    }

    /** Verified under a standard of five working days, due a week after the day of verification, at a WIB MPP. */
    public ApplicationStream verified() {
        var lastDay = next.atZone(WIB).toLocalDate().plusDays(7);
        return verified(new ServiceStandard(5, ServiceStandard.DayUnit.WORKING_DAYS), false, new DueDate(lastDay, WIB, true));
    }

    public ApplicationStream verified(ServiceStandard standard, boolean deemedApproval, DueDate due) {
        this.standard = standard;
        this.due = due;
        return then(new ApplicationVerified(id, standard, deemedApproval, due));
    }

    /** Verified before service clocks existed: revision 1 of the event carried no clock. */
    public ApplicationStream verifiedWithoutClock() {
        return then(new ApplicationVerified(id, null, false, null));
    }

    public ApplicationStream breached() {
        return then(new ServiceStandardBreached(id, agency, due));
    }

    public ApplicationStream deemedApproved() {
        return then(new ApplicationDeemedApproved(id, agency, due));
    }

    /** The time of the next event. */
    public Instant nextAt() {
        return next;
    }

    /** Moves the time of the next event. */
    public ApplicationStream at(Instant time) {
        next = time;
        return this;
    }

    public ApplicationStream routed(String agencyCode) {
        agency = AgencyCode.of(agencyCode);
        return then(new ApplicationRouted(id, agency));
    }

    public ApplicationStream rerouted(String toAgencyCode, String reason) {
        var from = agency;
        agency = AgencyCode.of(toAgencyCode);
        return then(new ApplicationRerouted(id, from, agency, reason));
    }

    public ApplicationStream processingStarted() {
        return then(new ProcessingStarted(id, agency));
    }

    public ApplicationStream documentsRequested(String reason, String... documents) {
        return then(new DocumentsRequested(id, List.of(documents), reason));
    }

    public ApplicationStream documentsProvided(String... documents) {
        return then(new DocumentsProvided(id, List.of(documents), due));
    }

    public ApplicationStream documentsProvided(DueDate movedDue, String... documents) {
        due = movedDue;
        return then(new DocumentsProvided(id, List.of(documents), movedDue));
    }

    public ApplicationStream completed(String outputReference) {
        return completed(outputReference, 0);
    }

    public ApplicationStream completed(String outputReference, int daysLate) {
        return then(new ApplicationCompleted(id, agency, outputReference, timeliness(daysLate)));
    }

    public ApplicationStream rejected(String reason) {
        return then(new ApplicationRejected(id, agency, reason, timeliness(0)));
    }

    public ApplicationStream withdrawn(String reason) {
        return then(new ApplicationWithdrawn(id, reason));
    }

    public ApplicationStream collected() {
        return then(new OutputCollected(id));
    }

    public ApplicationStream rated(int score, String comment) {
        return then(new ServiceRated(id, score, comment));
    }

    public ApplicationId id() {
        return id;
    }

    public TrackingNumber trackingNumber() {
        return trackingNumber;
    }

    public List<StoredEvent> events() {
        return List.copyOf(events);
    }

    public StoredEvent last() {
        return events.get(events.size() - 1);
    }

    private Timeliness timeliness(int daysLate) {
        return due == null ? null : new Timeliness(due.dueAt(), daysLate, standard.unit());
    }

    private ApplicationStream then(Object payload) {
        events.add(new StoredEvent("ServiceApplication", id.value(), events.size(), payload, next));
        next = next.plus(STEP);
        return this;
    }
}

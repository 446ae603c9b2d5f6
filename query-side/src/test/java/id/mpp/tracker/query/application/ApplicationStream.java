package id.mpp.tracker.query.application;

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
final class ApplicationStream {

    static final Applicant APPLICANT = new Applicant(Nik.parse("3171014505900002"), "Siti Rahmawati",
            "+6281234567890", "siti.rahmawati@example.id");

    private static final Duration STEP = Duration.ofHours(1);
    private static final Random TRACKING_NUMBERS = new Random(2026);

    private final ApplicationId id = ApplicationId.random();
    private final TrackingNumber trackingNumber = TrackingNumber.generate(TRACKING_NUMBERS);
    private final List<StoredEvent> events = new ArrayList<>();
    private AgencyCode agency;
    private Instant next;

    private ApplicationStream(Instant submittedAt) {
        this.next = submittedAt;
    }

    static ApplicationStream submitted(SealedApplicant applicant, String mpp, String service, String agency, Channel channel,
                                       Instant at) {
        var stream = new ApplicationStream(at);
        stream.agency = AgencyCode.of(agency);
        return stream.then(new ApplicationSubmitted(stream.id, stream.trackingNumber, MppCode.of(mpp),
                ServiceCode.of(service), stream.agency, channel, applicant));
    }

    ApplicationStream returnedForCorrection(String reason, String... missingDocuments) {
        return then(new ApplicationReturnedForCorrection(id, reason, List.of(missingDocuments)));
    }

    ApplicationStream resubmitted(String note) {
        return then(new ApplicationResubmitted(id, note));
    }

    ApplicationStream verified() {
        return then(new ApplicationVerified(id));
    }

    ApplicationStream routed(String agencyCode) {
        agency = AgencyCode.of(agencyCode);
        return then(new ApplicationRouted(id, agency));
    }

    ApplicationStream rerouted(String toAgencyCode, String reason) {
        var from = agency;
        agency = AgencyCode.of(toAgencyCode);
        return then(new ApplicationRerouted(id, from, agency, reason));
    }

    ApplicationStream processingStarted() {
        return then(new ProcessingStarted(id, agency));
    }

    ApplicationStream documentsRequested(String reason, String... documents) {
        return then(new DocumentsRequested(id, List.of(documents), reason));
    }

    ApplicationStream documentsProvided(String... documents) {
        return then(new DocumentsProvided(id, List.of(documents)));
    }

    ApplicationStream completed(String outputReference) {
        return then(new ApplicationCompleted(id, agency, outputReference));
    }

    ApplicationStream rejected(String reason) {
        return then(new ApplicationRejected(id, agency, reason));
    }

    ApplicationStream withdrawn(String reason) {
        return then(new ApplicationWithdrawn(id, reason));
    }

    ApplicationStream collected() {
        return then(new OutputCollected(id));
    }

    ApplicationStream rated(int score, String comment) {
        return then(new ServiceRated(id, score, comment));
    }

    ApplicationId id() {
        return id;
    }

    TrackingNumber trackingNumber() {
        return trackingNumber;
    }

    List<StoredEvent> events() {
        return List.copyOf(events);
    }

    StoredEvent last() {
        return events.get(events.size() - 1);
    }

    private ApplicationStream then(Object payload) {
        events.add(new StoredEvent("ServiceApplication", id.value(), events.size(), payload, next));
        next = next.plus(STEP);
        return this;
    }
}

package id.mpp.tracker.query.application;

import id.mpp.tracker.application.*;
import id.mpp.tracker.application.query.FindApplication;
import id.mpp.tracker.application.query.StatusChange;
import id.mpp.tracker.privacy.DataSubjectErased;
import id.mpp.tracker.privacy.PersonalDataVault;
import id.mpp.tracker.sla.Timeliness;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Projects each application's events into its status document. Idempotent without transactions: an event is
 * applied only when its sequence number is above the document's version, so redelivery and replay change nothing.
 */
@Component
@ProcessingGroup(ApplicationProjection.PROCESSING_GROUP)
public class ApplicationProjection {

    public static final String PROCESSING_GROUP = "application-status";

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter updates;
    private final ApplicationMetrics metrics;
    private final PersonalDataVault vault;
    private final ServiceTimes serviceTimes;

    ApplicationProjection(MongoTemplate mongo, QueryUpdateEmitter updates, ApplicationMetrics metrics, PersonalDataVault vault,
                          ServiceTimes serviceTimes) {
        this.mongo = mongo;
        this.serviceTimes = serviceTimes;
        this.updates = updates;
        this.metrics = metrics;
        this.vault = vault;
        ensureIndexes();
    }

    /** Writes each batch of the projection's tracking processor after its last event ({@link StatusBatch}). */
    public static MessageHandlerInterceptor<EventMessage<?>> flushAfterLastEvent() {
        return StatusBatch.flushAfterLastEvent();
    }

    @EventHandler
    void on(ApplicationSubmitted event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        StatusBatch batch = batch();
        if (batch.find(event.applicationId().value()) != null) {
            batch.count(() -> metrics.duplicateEvent(PROCESSING_GROUP));
            return;
        }
        var document = new ApplicationDocument();
        document.id = event.applicationId().value();
        document.trackingNumber = event.trackingNumber().value();
        document.mppCode = event.mppCode().value();
        document.serviceCode = event.serviceCode().value();
        document.agencyCode = event.agencyCode().value();
        document.channel = event.channel();
        document.dataSubjectId = event.applicant().dataSubjectId();
        document.dataSubjectKeyId = event.applicant().keyId();
        // once the subject's key is shredded the data stays unreadable, in a rebuild too
        document.applicant = vault.open(event.applicant())
                .map(applicant -> new ApplicationDocument.Applicant(applicant.nik().value(), applicant.name(),
                        applicant.phone(), applicant.email()))
                .orElse(null);
        document.submittedAt = at;
        record(document, event, ApplicationStatus.SUBMITTED, sequence, at);
        batch.created(document);
        batch.count(() -> {
            metrics.eventApplied(PROCESSING_GROUP);
            if (!replay.isReplay()) {
                metrics.submitted(document.mppCode, document.agencyCode, document.serviceCode, document.channel);
            }
        });
    }

    @EventHandler
    void on(ApplicationReturnedForCorrection event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.applicationId(), event, ApplicationStatus.RETURNED_FOR_CORRECTION, sequence, at, document -> {
            document.lastReason = event.reason();
            document.outstandingDocuments = List.copyOf(event.missingDocuments());
        });
    }

    @EventHandler
    void on(ApplicationResubmitted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.applicationId(), event, ApplicationStatus.SUBMITTED, sequence, at,
                document -> document.outstandingDocuments = List.of());
    }

    @EventHandler
    void on(ApplicationVerified event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.applicationId(), event, null, sequence, at, document -> {
            document.verifiedAt = at;
            // revision 1 started no clock
            document.serviceTime = event.due() == null ? null : ApplicationDocument.ServiceTime.startedBy(event);
        });
    }

    @EventHandler
    void on(ApplicationRouted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.applicationId(), event, ApplicationStatus.ROUTED, sequence, at,
                document -> document.agencyCode = event.agencyCode().value());
    }

    @EventHandler
    void on(ApplicationRerouted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.applicationId(), event, ApplicationStatus.ROUTED, sequence, at, document -> {
            document.agencyCode = event.toAgencyCode().value();
            document.lastReason = event.reason();
        });
    }

    @EventHandler
    void on(ProcessingStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.applicationId(), event, ApplicationStatus.IN_PROCESS, sequence, at, document -> {
        });
    }

    @EventHandler
    void on(DocumentsRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.applicationId(), event, ApplicationStatus.AWAITING_DOCUMENTS, sequence, at, document -> {
            document.outstandingDocuments = List.copyOf(event.documents());
            document.lastReason = event.reason();
            if (document.serviceTime != null) {
                document.serviceTime.pausedAt = at;
            }
        });
    }

    @EventHandler
    void on(DocumentsProvided event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.applicationId(), event, ApplicationStatus.IN_PROCESS, sequence, at, document -> {
            document.outstandingDocuments = List.of();
            if (document.serviceTime != null && event.due() != null) {
                document.serviceTime.pausedAt = null;
                document.serviceTime.moveTo(event.due());
            }
        });
    }

    @EventHandler
    void on(ServiceStandardBreached event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        change(event.applicationId(), event, null, sequence, at, document -> {
            if (document.serviceTime != null) {
                document.serviceTime.breachedAt = at;
            }
        }).filter(breached -> !replay.isReplay())
                .ifPresent(breached -> batch().count(() -> metrics.breached(breached.mppCode, breached.agencyCode, breached.serviceCode)));
    }

    @EventHandler
    void on(ApplicationDeemedApproved event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        change(event.applicationId(), event, ApplicationStatus.DEEMED_APPROVED, sequence, at, document -> {
            document.decidedAt = at;
            if (document.serviceTime != null) {
                document.serviceTime.daysLate = 0;
            }
        }).ifPresent(decided -> countDecision(decided, replay));
    }

    @EventHandler
    void on(ApplicationCompleted event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        change(event.applicationId(), event, ApplicationStatus.COMPLETED, sequence, at, document -> {
            document.decidedAt = at;
            document.outputReference = event.outputReference();
            recordTimeliness(document, event.timeliness());
        }).ifPresent(decided -> countDecision(decided, replay));
    }

    @EventHandler
    void on(ApplicationRejected event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        change(event.applicationId(), event, ApplicationStatus.REJECTED, sequence, at, document -> {
            document.decidedAt = at;
            document.lastReason = event.reason();
            recordTimeliness(document, event.timeliness());
        }).ifPresent(decided -> countDecision(decided, replay));
    }

    @EventHandler
    void on(ApplicationWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.applicationId(), event, ApplicationStatus.WITHDRAWN, sequence, at, document -> {
            document.lastReason = event.reason();
            document.outstandingDocuments = List.of();
        });
    }

    @EventHandler
    void on(OutputCollected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.applicationId(), event, ApplicationStatus.COLLECTED, sequence, at, document -> {
        });
    }

    @EventHandler
    void on(ServiceRated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.applicationId(), event, null, sequence, at,
                document -> document.rating = new ApplicationDocument.Rating(event.score(), event.comment(), at));
    }

    /**
     * Scrubs the applications sealed with the erased key at once (not those of a later application with a new key);
     * shredding again is harmless and covers a crash between storing the erasure and shredding.
     */
    @EventHandler
    void on(DataSubjectErased event) {
        // what the batch holds so far is written first, so that nothing of it carries the person's data past here
        batch().flush();
        vault.shred(event.dataSubjectId(), event.keyId());
        var ofSubject = Query.query(Criteria.where("dataSubjectId").is(event.dataSubjectId())
                .and("dataSubjectKeyId").is(event.keyId()));
        unsetApplicant(ofSubject);
        mongo.find(ofSubject, ApplicationDocument.class).forEach(this::publish);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ApplicationDocument.COLLECTION);
        ensureIndexes();
    }

    /** Applies the change unless the event was applied before; answers the changed document when it did. */
    private Optional<ApplicationDocument> change(ApplicationId id, Object event, ApplicationStatus newStatus, long sequence,
                                                 Instant at, Consumer<ApplicationDocument> change) {
        StatusBatch batch = batch();
        ApplicationDocument document = batch.find(id.value());
        if (document == null) {
            throw new IllegalStateException("Event " + event.getClass().getSimpleName() + " #" + sequence
                    + " for application " + id + " arrived before the application was projected");
        }
        if (sequence <= document.version) {
            batch.count(() -> metrics.duplicateEvent(PROCESSING_GROUP));
            return Optional.empty();
        }
        change.accept(document);
        record(document, event, newStatus == null ? document.status : newStatus, sequence, at);
        batch.changed(document);
        batch.count(() -> metrics.eventApplied(PROCESSING_GROUP));
        return Optional.of(document);
    }

    private StatusBatch batch() {
        return StatusBatch.current(mongo, this::written);
    }

    /** Once written, each document is announced to those waiting for it. */
    private void written(List<ApplicationDocument> created, List<ApplicationDocument> changed) {
        for (ApplicationDocument document : created) {
            if (document.applicant != null && !vault.currentKeyId(document.dataSubjectId).map(document.dataSubjectKeyId::equals).orElse(false)) {
                // erased (on another segment) between opening and storing: keep nothing readable
                unsetApplicant(Query.query(Criteria.where("_id").is(document.id)));
                document.applicant = null;
            }
            publish(document);
        }
        changed.forEach(this::publish);
    }

    private void unsetApplicant(Query documents) {
        mongo.updateMulti(documents, new Update().unset("applicant"), ApplicationDocument.class);
    }

    private static void record(ApplicationDocument document, Object event, ApplicationStatus status, long sequence, Instant at) {
        document.status = status;
        document.version = sequence;
        document.lastChangedAt = at;
        document.history.add(new StatusChange(event.getClass().getSimpleName(), status, at));
    }

    private static void recordTimeliness(ApplicationDocument document, Timeliness timeliness) {
        if (document.serviceTime != null && timeliness != null) {
            document.serviceTime.daysLate = timeliness.daysLate();
        }
    }

    private void countDecision(ApplicationDocument decided, ReplayStatus replay) {
        if (!replay.isReplay()) {
            batch().count(() -> metrics.decided(decided.mppCode, decided.agencyCode, decided.serviceCode, decided.status));
        }
    }

    private void publish(ApplicationDocument document) {
        updates.emit(FindApplication.class, query -> query.applicationId().value().equals(document.id),
                document.toView(serviceTimes.of(document)));
    }

    private void ensureIndexes() {
        var indexes = mongo.indexOps(ApplicationDocument.class);
        indexes.createIndex(new Index().on("trackingNumber", Sort.Direction.ASC).unique());
        for (String field : List.of("mppCode", "agencyCode", "serviceCode", "status")) {
            indexes.createIndex(new Index().on(field, Sort.Direction.ASC).on("submittedAt", Sort.Direction.DESC));
        }
        indexes.createIndex(new Index().on("submittedAt", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("dataSubjectId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("serviceTime.dueAt", Sort.Direction.ASC));
    }
}

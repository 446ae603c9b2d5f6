package id.mpp.tracker.command.sla;

import id.mpp.tracker.application.ApplicationCompleted;
import id.mpp.tracker.application.ApplicationDeemedApproved;
import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.ApplicationRejected;
import id.mpp.tracker.application.ApplicationVerified;
import id.mpp.tracker.application.ApplicationWithdrawn;
import id.mpp.tracker.application.DocumentsProvided;
import id.mpp.tracker.application.DocumentsRequested;
import id.mpp.tracker.application.ServiceStandardBreached;
import id.mpp.tracker.sla.DueDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The due dates of running service clocks, kept from the events so that the watch finds what fell due with one
 * indexed query. Derived from the event store through a tracking processor, so no due date is lost in a crash; the
 * application itself decides what a passed due date means, so a stale entry costs one check and nothing more.
 * Idempotent: an entry only moves forward in the application's sequence; a paused or breached clock keeps its entry
 * without a due date so that an older event delivered again cannot bring it back.
 */
@Component
@ProcessingGroup(DueDateIndex.PROCESSING_GROUP)
class DueDateIndex {

    static final String PROCESSING_GROUP = "due-dates";
    static final String COLLECTION = "due_dates";

    private final MongoTemplate mongo;

    DueDateIndex(MongoTemplate mongo) {
        this.mongo = mongo;
        ensureIndex();
    }

    @EventHandler
    void on(ApplicationVerified event, @SequenceNumber long sequence) {
        track(event.applicationId(), event.due(), sequence);
    }

    @EventHandler
    void on(DocumentsRequested event, @SequenceNumber long sequence) {
        track(event.applicationId(), null, sequence);
    }

    @EventHandler
    void on(DocumentsProvided event, @SequenceNumber long sequence) {
        track(event.applicationId(), event.due(), sequence);
    }

    @EventHandler
    void on(ServiceStandardBreached event, @SequenceNumber long sequence) {
        track(event.applicationId(), null, sequence);
    }

    @EventHandler
    void on(ApplicationDeemedApproved event) {
        forget(event.applicationId());
    }

    @EventHandler
    void on(ApplicationCompleted event) {
        forget(event.applicationId());
    }

    @EventHandler
    void on(ApplicationRejected event) {
        forget(event.applicationId());
    }

    @EventHandler
    void on(ApplicationWithdrawn event) {
        forget(event.applicationId());
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
        ensureIndex();
    }

    /** Up to {@code limit} applications due at or before {@code now}, earliest first. */
    List<DueEntry> dueAt(Instant now, int limit) {
        var due = Query.query(where("dueAt").lte(Date.from(now))).with(Sort.by("dueAt")).limit(limit);
        return mongo.find(due, org.bson.Document.class, COLLECTION).stream()
                .map(entry -> new DueEntry(ApplicationId.of(entry.getString("_id")), entry.getDate("dueAt").toInstant()))
                .toList();
    }

    /** The application's clock now runs to {@code dueAt}, unless its entry changed since it was read. */
    void moved(DueEntry entry, Instant dueAt) {
        mongo.updateFirst(sameEntry(entry), new Update().set("dueAt", Date.from(dueAt)), COLLECTION);
    }

    /** Nothing more can fall due for this entry, unless it changed since it was read. */
    void settled(DueEntry entry) {
        mongo.remove(sameEntry(entry), COLLECTION);
    }

    private static Query sameEntry(DueEntry entry) {
        return Query.query(where("_id").is(entry.applicationId().value()).and("dueAt").is(Date.from(entry.dueAt())));
    }

    /**
     * Read by id, then written by id: a filter with anything beside the id is a scan of the whole collection on the
     * embedded server. Safe without a condition in the write, because one segment of the processor handles all of an
     * application's events, one at a time; the watch's own changes stay conditional ({@link #sameEntry}).
     */
    private void track(ApplicationId id, DueDate due, long sequence) {
        org.bson.Document entry = mongo.findById(id.value(), org.bson.Document.class, COLLECTION);
        if (entry != null && entry.get("version") instanceof Number version && version.longValue() >= sequence) {
            return; // the entry already reflects this event or a later one
        }
        var update = new Update().set("dueAt", due == null ? null : Date.from(due.dueAt())).set("version", sequence);
        mongo.upsert(Query.query(where("_id").is(id.value())), update, COLLECTION);
    }

    private void forget(ApplicationId id) {
        mongo.remove(Query.query(where("_id").is(id.value())), COLLECTION);
    }

    private void ensureIndex() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("dueAt", Sort.Direction.ASC));
    }

    record DueEntry(ApplicationId applicationId, Instant dueAt) {
    }
}

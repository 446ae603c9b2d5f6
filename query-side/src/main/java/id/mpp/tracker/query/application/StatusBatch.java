package id.mpp.tracker.query.application;

import id.mpp.tracker.platform.axon.AfterLastEvent;
import id.mpp.tracker.platform.axon.BatchEvents;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The status documents one batch of a tracking processor's events touches: read in one query (every application of
 * the batch, when its first event needs one), changed in memory event by event, and written in one bulk write after
 * the batch's last event, still inside its processing, so that a failed write rolls the batch back and it is retried
 * before the processor stores its token. A processor that lags thus catches up with two round trips per batch
 * rather than two per event. Outside a tracking processor's batch (a replay for an audit), every change is written
 * at once.
 */
final class StatusBatch {

    private static final String RESOURCE = StatusBatch.class.getName();
    private static final String APPLICATION = "ServiceApplication";

    private final MongoTemplate mongo;
    private final List<? extends Message<?>> events;
    /** Every document read or created in the batch; null for an application known not to be projected yet. */
    private final Map<String, ApplicationDocument> documents = new HashMap<>();
    private final Set<String> created = new LinkedHashSet<>();
    private final Set<String> changed = new LinkedHashSet<>();
    /** What is counted of the batch's events: only once they are stored, so that a retried batch counts once. */
    private final List<Runnable> counts = new ArrayList<>();
    private Written written;

    /** What is done with documents once written: the created ones and the changed ones. */
    @FunctionalInterface
    interface Written {
        void written(List<ApplicationDocument> created, List<ApplicationDocument> changed);
    }

    private StatusBatch(MongoTemplate mongo, List<? extends Message<?>> events) {
        this.mongo = mongo;
        this.events = events;
    }

    /** The batch of the tracking processor's current unit of work, or one that writes each change at once. */
    static StatusBatch current(MongoTemplate mongo, Written written) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batching) {
            StatusBatch batch = batching.getOrComputeResource(RESOURCE, absent -> {
                var created = new StatusBatch(mongo, batching.getMessages());
                created.written = written;
                // should the interceptor not run (no processor around), the unit of work's commit still writes it
                batching.onPrepareCommit(committing -> created.flush());
                return created;
            });
            return batch;
        }
        var immediate = new StatusBatch(mongo, null);
        immediate.written = written;
        return immediate;
    }

    /** Writes a tracking processor's batch once its last event is applied. */
    static MessageHandlerInterceptor<EventMessage<?>> flushAfterLastEvent() {
        return AfterLastEvent.<StatusBatch>flush(RESOURCE, StatusBatch::flush);
    }

    ApplicationDocument find(String id) {
        if (!documents.containsKey(id)) {
            if (events != null && documents.isEmpty()) {
                readEveryApplicationOfTheBatch();
            }
            if (!documents.containsKey(id)) {
                documents.put(id, mongo.findById(id, ApplicationDocument.class));
            }
        }
        return documents.get(id);
    }

    void created(ApplicationDocument document) {
        documents.put(document.id, document);
        created.add(document.id);
        changed.remove(document.id);
        if (events == null) {
            flush();
        }
    }

    void changed(ApplicationDocument document) {
        if (!created.contains(document.id)) {
            changed.add(document.id);
        }
        if (events == null) {
            flush();
        }
    }

    /** Counts something of an event once the batch is stored (at once outside a batch, where it already is). */
    void count(Runnable count) {
        if (events == null) {
            count.run();
        } else {
            counts.add(count);
        }
    }

    /** Writes what the batch changed, then counts it and hands the written documents on (to be announced). */
    void flush() {
        List<ApplicationDocument> inserted = created.stream().map(documents::get).toList();
        List<ApplicationDocument> updated = changed.stream().map(documents::get).toList();
        if (inserted.size() == 1) {
            mongo.insert(inserted.get(0));
        } else if (!inserted.isEmpty()) {
            mongo.insert(inserted, ApplicationDocument.class);
        }
        if (updated.size() == 1) {
            mongo.updateFirst(byId(updated.get(0)), exceptApplicant(updated.get(0)), ApplicationDocument.class);
        } else if (!updated.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ApplicationDocument.class);
            updated.forEach(document -> bulk.updateOne(byId(document), exceptApplicant(document)));
            bulk.execute();
        }
        created.clear();
        changed.clear();
        counts.forEach(Runnable::run);
        counts.clear();
        if (!inserted.isEmpty() || !updated.isEmpty()) {
            written.written(inserted, updated);
        }
    }

    private static Query byId(ApplicationDocument document) {
        return Query.query(Criteria.where("_id").is(document.id));
    }

    private void readEveryApplicationOfTheBatch() {
        Set<String> ids = BatchEvents.aggregateIds(events, APPLICATION);
        if (ids.size() < 2) {
            return;
        }
        ids.forEach(id -> documents.put(id, null));
        mongo.find(Query.query(Criteria.where("_id").in(ids)), ApplicationDocument.class)
                .forEach(document -> documents.put(document.id, document));
    }

    /** Every field but the applicant, which only submission sets and only erasure removes. */
    private Update exceptApplicant(ApplicationDocument document) {
        var fields = new org.bson.Document();
        mongo.getConverter().write(document, fields);
        fields.remove("_id");
        fields.remove("applicant");
        return Update.fromDocument(new org.bson.Document("$set", fields));
    }
}

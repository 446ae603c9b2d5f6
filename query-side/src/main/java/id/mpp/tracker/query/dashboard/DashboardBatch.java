package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.dashboard.DashboardScope;
import id.mpp.tracker.platform.axon.BatchEvents;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static id.mpp.tracker.query.dashboard.DashboardStore.ALL_SERVICES;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The dashboards' changes of a batch of events, written together: each touched document is read once and written
 * once, however many of the batch's events touch it (the national documents are touched by every event), and each
 * collection is read in one query and written in one bulk write: the applications of a tracking processor's batch
 * when its first event needs one, the counters when the batch is flushed. So a batch costs a handful of round trips
 * to the store, not two per document.
 * <p>
 * Idempotent without transactions. Applications are spread over {@value DashboardStore#LANES} lanes by the same hash
 * of their id that spreads them over a tracking processor's segments (a power of two of them, up to
 * {@value DashboardStore#LANES}), so one segment handles a whole lane, in stream order. Each document keeps, per lane,
 * the stream position of the last event it counted, and takes in one update by {@code _id} only the increments of
 * later events: an event delivered again (a retried batch, a merged segment going back) changes nothing, and the
 * guard stays small however many events a document counts. The applications' own documents are written last, so an
 * event interrupted halfway is counted again harmlessly.
 */
final class DashboardBatch {

    private static final String APPLICATION = "ServiceApplication";

    private final MongoTemplate mongo;
    private final DashboardStore store;
    /** The events of the tracking processor's batch, or null outside one. */
    private final List<? extends Message<?>> events;
    private final Map<String, PendingDocument> documents = new LinkedHashMap<>();
    /** Every application read in the batch (null: known not to be counted yet). */
    private final Map<String, DashboardApplication> read = new HashMap<>();
    private final Map<String, DashboardApplication> applications = new LinkedHashMap<>();

    DashboardBatch(MongoTemplate mongo, DashboardStore store) {
        this(mongo, store, null);
    }

    DashboardBatch(MongoTemplate mongo, DashboardStore store, List<? extends Message<?>> events) {
        this.mongo = mongo;
        this.store = store;
        this.events = events;
    }

    /** The application as the batch knows it: with the batch's earlier events, as a rebuild remembers it, or as stored. */
    DashboardApplication application(ApplicationId id) {
        DashboardApplication counted = applications.get(id.value());
        if (counted != null) {
            return counted;
        }
        RememberedApplications remembered = store.remembered();
        if (remembered != null) {
            DashboardApplication known = remembered.get(id.value());
            if (known != null || !remembered.mayBeStored()) {
                return known;
            }
        }
        if (!read.containsKey(id.value())) {
            if (events != null && read.isEmpty()) {
                readEveryApplicationOfTheBatch();
            }
            if (!read.containsKey(id.value())) {
                read.put(id.value(), mongo.findById(id.value(), DashboardApplication.class, store.applications()));
            }
        }
        return read.get(id.value());
    }

    void counted(DashboardApplication application) {
        applications.put(application.id, application);
    }

    private void readEveryApplicationOfTheBatch() {
        Set<String> ids = BatchEvents.aggregateIds(events, APPLICATION);
        if (store.remembered() != null) {
            ids.removeIf(id -> store.remembered().get(id) != null);
        }
        if (ids.size() < 2) {
            return;
        }
        ids.forEach(id -> read.put(id, null));
        mongo.find(Query.query(where("_id").in(ids)), DashboardApplication.class, store.applications())
                .forEach(application -> read.put(application.id, application));
    }

    /** The increments of one event of the application. */
    Event event(ApplicationId application, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new IllegalStateException("No stream position in " + token));
        return new Event(DashboardStore.laneOf(application), position);
    }

    void flush() {
        Map<String, List<PendingDocument>> byCollection = new LinkedHashMap<>();
        documents.values().forEach(pending -> byCollection.computeIfAbsent(pending.collection, c -> new ArrayList<>()).add(pending));
        byCollection.forEach(this::write);
        RememberedApplications remembered = store.remembered();
        if (remembered == null) {
            writeApplications(mongo, store, applications.values());
        } else {
            applications.values().forEach(remembered::remember);
            writeApplications(mongo, store, remembered.takeDropped());
        }
        documents.clear();
        read.clear();
        applications.clear();
    }

    /** The applications' own documents, written last: each replaced whole, or inserted. */
    static void writeApplications(MongoTemplate mongo, DashboardStore store, Collection<DashboardApplication> applications) {
        if (applications.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, DashboardApplication.class, store.applications());
        applications.forEach(application -> bulk.replaceOne(
                Query.query(where("_id").is(application.id)), application, FindAndReplaceOptions.options().upsert()));
        bulk.execute();
    }

    /** One collection's pending documents: their lanes read in one query, their updates in one bulk write. */
    private void write(String collection, List<PendingDocument> pending) {
        var query = Query.query(where("_id").in(pending.stream().map(document -> document.id).toList()));
        query.fields().include("lanes");
        Map<Object, Document> stored = new HashMap<>();
        mongo.find(query, Document.class, collection).forEach(document -> stored.put(document.get("_id"), document));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int updates = 0;
        for (PendingDocument document : pending) {
            Update update = document.update(stored.get(document.id));
            if (update != null) {
                bulk.upsert(Query.query(where("_id").is(document.id)), update);
                updates++;
            }
        }
        if (updates > 0) {
            bulk.execute();
        }
    }

    final class Event {
        private final int lane;
        private final long position;

        private Event(int lane, long position) {
            this.lane = lane;
            this.position = position;
        }

        /** Adds {@code counters} to the day at every scope, for the service and for all services. */
        Event day(List<DashboardScope> scopes, String service, LocalDate day, Map<String, Long> counters) {
            for (DashboardScope scope : scopes) {
                for (String counted : List.of(ALL_SERVICES, service)) {
                    pending(store.daysCollection(), DashboardStore.dayId(scope, counted, day),
                            Map.of("scope", scope.key(), "service", counted, "date", day.toString()))
                            .add(lane, position, counters);
                }
            }
            return this;
        }

        /**
         * Adds {@code delta} to the open applications in {@code status} at every scope, and to the overdue ones; the
         * day's document of each scope keeps the same change, so that the backlog as of the end of an earlier day is
         * the backlog now less the changes of the days since.
         */
        Event backlog(List<DashboardScope> scopes, LocalDate day, ApplicationStatus status, boolean overdue, long delta) {
            if (status.closed()) {
                return this;
            }
            Map<String, Long> counters = overdue
                    ? Map.of("status." + status.name(), delta, DashboardStore.OVERDUE, delta)
                    : Map.of("status." + status.name(), delta);
            Map<String, Long> ofTheDay = new LinkedHashMap<>();
            counters.forEach((field, value) -> ofTheDay.put(DashboardStore.BACKLOG_CHANGE + "." + field, value));
            for (DashboardScope scope : scopes) {
                pending(store.backlogCollection(), DashboardStore.backlogId(scope),
                        Map.of("scope", scope.key())).add(lane, position, counters);
                pending(store.daysCollection(), DashboardStore.dayId(scope, ALL_SERVICES, day),
                        Map.of("scope", scope.key(), "service", ALL_SERVICES, "date", day.toString()))
                        .add(lane, position, ofTheDay);
            }
            return this;
        }

        private PendingDocument pending(String collection, String id, Map<String, String> identity) {
            return documents.computeIfAbsent(collection + "/" + id, key -> new PendingDocument(collection, id, identity));
        }
    }

    private final class PendingDocument {
        private final String collection;
        private final String id;
        private final Map<String, String> identity;
        private final List<Increment> increments = new ArrayList<>();

        private PendingDocument(String collection, String id, Map<String, String> identity) {
            this.collection = collection;
            this.id = id;
            this.identity = identity;
        }

        void add(int lane, long position, Map<String, Long> counters) {
            counters.forEach((field, value) -> increments.add(new Increment(lane, position, field, value)));
        }

        /** The increments of events the stored document has not counted yet, with the lanes' new positions; or null. */
        Update update(Document stored) {
            Document counted = stored == null ? new Document() : stored.get("lanes", new Document());
            Map<String, Long> sums = new LinkedHashMap<>();
            Map<Integer, Long> lanes = new HashMap<>();
            for (Increment increment : increments) {
                Object already = counted.get(String.valueOf(increment.lane()));
                if (already == null || ((Number) already).longValue() < increment.position()) {
                    sums.merge(increment.field(), increment.value(), Long::sum);
                    lanes.merge(increment.lane(), increment.position(), Math::max);
                }
            }
            if (lanes.isEmpty()) {
                return null;
            }
            var update = new Update();
            identity.forEach(update::setOnInsert);
            sums.forEach(update::inc);
            lanes.forEach((lane, position) -> update.max("lanes." + lane, position));
            return update;
        }
    }

    private record Increment(int lane, long position, String field, long value) {
    }
}

package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.dashboard.DashboardScope;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static id.mpp.tracker.query.dashboard.DashboardStore.ALL_SERVICES;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The dashboards' changes of a batch of events, written together: each touched document is read once and written
 * once, however many of the batch's events touch it (the national documents are touched by every event).
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

    private final MongoTemplate mongo;
    private final DashboardStore store;
    private final Map<String, PendingDocument> documents = new LinkedHashMap<>();
    private final Map<String, DashboardApplication> applications = new LinkedHashMap<>();

    DashboardBatch(MongoTemplate mongo, DashboardStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** The application as the batch knows it: with the batch's earlier events, or as stored. */
    DashboardApplication application(ApplicationId id) {
        return applications.computeIfAbsent(id.value(),
                key -> mongo.findById(key, DashboardApplication.class, store.applications()));
    }

    void counted(DashboardApplication application) {
        applications.put(application.id, application);
    }

    /** The increments of one event of the application. */
    Event event(ApplicationId application, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new IllegalStateException("No stream position in " + token));
        return new Event(DashboardStore.laneOf(application), position);
    }

    void flush() {
        documents.values().forEach(PendingDocument::write);
        applications.values().forEach(application -> mongo.save(application, store.applications()));
        documents.clear();
        applications.clear();
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

        /** Adds {@code delta} to the open applications in {@code status} at every scope. */
        Event backlog(List<DashboardScope> scopes, ApplicationStatus status, long delta) {
            if (status.closed()) {
                return this;
            }
            for (DashboardScope scope : scopes) {
                pending(store.backlogCollection(), DashboardStore.backlogId(scope),
                        Map.of("scope", scope.key())).add(lane, position, Map.of("status." + status.name(), delta));
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

        /** Writes the increments of events the document has not counted yet, with the lanes' new positions. */
        void write() {
            Document stored = mongo.findById(id, Document.class, collection);
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
                return;
            }
            var update = new Update();
            identity.forEach(update::setOnInsert);
            sums.forEach(update::inc);
            lanes.forEach((lane, position) -> update.max("lanes." + lane, position));
            mongo.upsert(Query.query(where("_id").is(id)), update, collection);
        }
    }

    private record Increment(int lane, long position, String field, long value) {
    }
}

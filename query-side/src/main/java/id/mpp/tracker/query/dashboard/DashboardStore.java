package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.application.ApplicationStatus;
import org.axonframework.eventhandling.TrackingToken;
import id.mpp.tracker.dashboard.DashboardScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The pre-aggregated dashboard documents: counters per scope × service × day ({@value #DAYS}), and the open backlog
 * per scope × service ({@value #BACKLOG}); service {@value #ALL_SERVICES} sums every service of the scope.
 * <p>
 * Idempotent without transactions. Applications are spread over {@value #LANES} lanes by the same hash of their id
 * that spreads them over a tracking processor's segments (whose count is a power of two up to {@value #LANES}), so
 * one segment handles a whole lane, in the order of the event stream. Each document keeps, per lane, the stream
 * position of the last event it counted, and takes an event's increments in one atomic update that matches only
 * while that position is lower: an event delivered again (a retried batch, a merged segment going back) changes
 * nothing, and the guard stays small however many events a document counts.
 */
@Component
class DashboardStore {

    static final String DAYS = "dashboard_days";
    static final String BACKLOG = "dashboard_backlog";
    static final String ALL_SERVICES = "*";
    static final int LANES = 64;

    private final MongoTemplate mongo;
    private final IntSupplier generation;

    /** The store of the generation the live projection writes. */
    @Autowired
    DashboardStore(MongoTemplate mongo, DashboardGenerations generations) {
        this(mongo, generations::current);
    }

    DashboardStore(MongoTemplate mongo, IntSupplier generation) {
        this.mongo = mongo;
        this.generation = generation;
    }

    /** This store at the generation it writes now, for the whole of one event. */
    DashboardStore pinned() {
        int now = generation.getAsInt();
        return new DashboardStore(mongo, () -> now);
    }

    String daysCollection() {
        return DashboardGenerations.name(DAYS, generation.getAsInt());
    }

    String backlogCollection() {
        return DashboardGenerations.name(BACKLOG, generation.getAsInt());
    }

    String applications() {
        return DashboardGenerations.name(DashboardApplication.COLLECTION, generation.getAsInt());
    }

    /** The increments one event of the application makes, gathered per document, applied together. */
    Changes changes(ApplicationId application, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new IllegalStateException("No stream position in " + token));
        return new Changes(laneOf(application), position);
    }

    /** The application's lane: the low bits of its id's hash, as a segment of a tracking processor matches it. */
    static int laneOf(ApplicationId application) {
        return application.value().hashCode() & (LANES - 1);
    }

    static String dayId(DashboardScope scope, String service, LocalDate day) {
        return scope.key() + "|" + service + "|" + day;
    }

    static String backlogId(DashboardScope scope, String service) {
        return scope.key() + "|" + service;
    }

    void drop() {
        mongo.dropCollection(daysCollection());
        mongo.dropCollection(backlogCollection());
        mongo.dropCollection(applications());
    }

    final class Changes {
        private final int lane;
        private final long position;
        private final Map<String, Change> byDocument = new LinkedHashMap<>();

        private Changes(int lane, long position) {
            this.lane = lane;
            this.position = position;
        }

        /** Adds {@code counters} to the day at every scope, for the service and for all services. */
        Changes day(List<DashboardScope> scopes, String service, LocalDate day, Map<String, Long> counters) {
            for (DashboardScope scope : scopes) {
                for (String counted : List.of(ALL_SERVICES, service)) {
                    change(daysCollection(), dayId(scope, counted, day), Map.of("scope", scope.key(), "service", counted,
                            "date", day.toString())).add(counters);
                }
            }
            return this;
        }

        /** Adds {@code delta} to the open applications in {@code status} at every scope, for the service and for all. */
        Changes backlog(List<DashboardScope> scopes, String service, ApplicationStatus status, long delta) {
            if (status.closed()) {
                return this;
            }
            for (DashboardScope scope : scopes) {
                for (String counted : List.of(ALL_SERVICES, service)) {
                    change(backlogCollection(), backlogId(scope, counted), Map.of("scope", scope.key(), "service", counted))
                            .add(Map.of("status." + status.name(), delta));
                }
            }
            return this;
        }

        void apply() {
            byDocument.values().forEach(change -> change.applyOnce(lane, position));
        }

        private Change change(String collection, String id, Map<String, String> identity) {
            return byDocument.computeIfAbsent(collection + "/" + id, key -> new Change(collection, id, identity));
        }
    }

    private final class Change {
        private final String collection;
        private final String id;
        private final Map<String, String> identity;
        private final Map<String, Long> increments = new LinkedHashMap<>();

        private Change(String collection, String id, Map<String, String> identity) {
            this.collection = collection;
            this.id = id;
            this.identity = identity;
        }

        Change add(Map<String, Long> counters) {
            counters.forEach((field, value) -> increments.merge(field, value, Long::sum));
            return this;
        }

        void applyOnce(int lane, long position) {
            increments.values().removeIf(value -> value == 0);
            if (increments.isEmpty()) {
                return;
            }
            String counted = "lanes." + lane;
            var notYetCounted = Query.query(where("_id").is(id)
                    .orOperator(where(counted).exists(false), where(counted).lt(position)));
            var update = new Update();
            identity.forEach(update::setOnInsert);
            increments.forEach(update::inc);
            update.set(counted, position);
            try {
                mongo.upsert(notYetCounted, update, collection);
            } catch (DuplicateKeyException countedBefore) {
                // the document has counted this event, or a later one of its lane
            }
        }
    }
}

package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.application.ApplicationStatus;
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
 * Idempotent without transactions: each document takes an event's increments and its id in one atomic update, which
 * matches only while the id is not among the document's recently applied ones; a redelivered event (a retried batch)
 * changes nothing. The ids kept per document are bounded ({@value #IDEMPOTENCY_WINDOW}): far more than the events a
 * retried batch can hold, while a replay starts from an empty store.
 */
@Component
class DashboardStore {

    static final String DAYS = "dashboard_days";
    static final String BACKLOG = "dashboard_backlog";
    static final String ALL_SERVICES = "*";
    static final int IDEMPOTENCY_WINDOW = 1000;

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

    /** The increments one event makes, gathered per document, applied together. */
    Changes changes(String eventId) {
        return new Changes(eventId);
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
        private final String eventId;
        private final Map<String, Change> byDocument = new LinkedHashMap<>();

        private Changes(String eventId) {
            this.eventId = eventId;
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
            byDocument.values().forEach(change -> change.applyOnce(eventId));
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

        void applyOnce(String eventId) {
            increments.values().removeIf(value -> value == 0);
            if (increments.isEmpty()) {
                return;
            }
            var notYetApplied = Query.query(where("_id").is(id).and("applied").ne(eventId));
            var update = new Update();
            identity.forEach(update::setOnInsert);
            increments.forEach(update::inc);
            update.push("applied").slice(-IDEMPOTENCY_WINDOW).each(eventId);
            try {
                mongo.upsert(notYetApplied, update, collection);
            } catch (DuplicateKeyException appliedBefore) {
                // the document holds this event's id: its increments are in already
            }
        }
    }
}

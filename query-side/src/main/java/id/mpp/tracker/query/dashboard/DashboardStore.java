package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.dashboard.DashboardScope;
import id.mpp.tracker.platform.axon.AfterLastEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.function.IntSupplier;


/**
 * Where the pre-aggregated dashboard documents live: counters per scope × service × day ({@value #DAYS}, service
 * {@value #ALL_SERVICES} summing every service of the scope), the open backlog per scope and status, and the
 * open overdue applications per scope ({@value #BACKLOG}),
 * and what the dashboards remember of each application; in which generation of these collections
 * ({@link DashboardGenerations}); and how an event's stream position and lane are told ({@link DashboardBatch}).
 */
@Component
public class DashboardStore {

    static final String DAYS = "dashboard_days";
    static final String BACKLOG = "dashboard_backlog";
    static final String ALL_SERVICES = "*";
    /** The backlog document's count of open applications whose breach of the standard is recorded. */
    static final String OVERDUE = "overdue";
    /** A day document's changes of the backlog (and of the overdue) that day. */
    static final String BACKLOG_CHANGE = "backlogChange";
    static final int LANES = 64;
    /**
     * What the documents count; raised when a version counts something that older documents lack (2: overdue,
     * 3: the backlog's changes per day).
     */
    static final int SCHEMA = 3;
    private static final String BATCH = DashboardBatch.class.getName();

    private final MongoTemplate mongo;
    private final IntSupplier generation;
    /** A rebuild's applications in memory, or null: read and written with every batch. */
    private final RememberedApplications remembered;

    /** The store of the generation the live projection writes. */
    @Autowired
    DashboardStore(MongoTemplate mongo, DashboardGenerations generations) {
        this(mongo, generations::current);
    }

    DashboardStore(MongoTemplate mongo, IntSupplier generation) {
        this(mongo, generation, null);
    }

    private DashboardStore(MongoTemplate mongo, IntSupplier generation, RememberedApplications remembered) {
        this.mongo = mongo;
        this.generation = generation;
        this.remembered = remembered;
    }

    /** A store of a generation nobody reads yet, remembering up to {@code capacity} applications in memory. */
    static DashboardStore rebuilding(MongoTemplate mongo, int generation, int capacity) {
        return new DashboardStore(mongo, () -> generation, new RememberedApplications(capacity));
    }

    /** This store at the generation it writes now, for the whole of one batch. */
    DashboardStore pinned() {
        int now = generation.getAsInt();
        return new DashboardStore(mongo, () -> now, remembered);
    }

    RememberedApplications remembered() {
        return remembered;
    }

    /** Writes every application a rebuild remembers, before its generation is read by anyone. */
    void writeRemembered() {
        if (remembered != null) {
            DashboardBatch.writeApplications(mongo, this, remembered.takeAll());
        }
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

    /**
     * The batch the current unit of work collects the dashboards' changes in. A tracking processor's batch of events
     * is written after its last event ({@link #flushAfterLastEvent}), before the processor stores its token; any other
     * unit of work writes it when it commits; without one, the caller flushes the batch itself.
     */
    DashboardBatch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new DashboardBatch(mongo, pinned());
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, absent -> {
            var batch = new DashboardBatch(mongo, pinned(),
                    unitOfWork instanceof BatchingUnitOfWork<?> batching ? batching.getMessages() : null);
            unitOfWork.onPrepareCommit(committing -> batch.flush());
            return batch;
        });
    }

    /** Writes a tracking processor's batch once its last event is counted. */
    public static MessageHandlerInterceptor<EventMessage<?>> flushAfterLastEvent() {
        return AfterLastEvent.<DashboardBatch>flush(BATCH, DashboardBatch::flush);
    }

    /** The application's lane: the low bits of its id's hash, as a segment of a tracking processor matches it. */
    static int laneOf(ApplicationId application) {
        return application.value().hashCode() & (LANES - 1);
    }

    static String dayId(DashboardScope scope, String service, LocalDate day) {
        return scope.key() + "|" + service + "|" + day;
    }

    static String backlogId(DashboardScope scope) {
        return scope.key();
    }

    void drop() {
        for (String collection : List.of(daysCollection(), backlogCollection(), applications())) {
            if (mongo.collectionExists(collection)) {
                mongo.dropCollection(collection);
            }
        }
    }
}

package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.catalogue.Catalogue;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds the dashboards from the event store into the next generation of their collections while the current one
 * keeps serving (blue/green). Once the new generation has reached the head of the stream, queries and the live
 * projection switch to it; the rebuild then follows the stream up to its head once more, so that nothing the live
 * projection counted into the old generation just before the switch is missing, and drops the old generation.
 */
@Component
public class DashboardRebuild {

    private static final Logger log = LoggerFactory.getLogger(DashboardRebuild.class);
    private static final Duration QUIET = Duration.ofSeconds(1);
    /** How long a claim outlives its last renewal, should its instance stop halfway. */
    private static final Duration CLAIMED_FOR = Duration.ofMinutes(2);
    private final String instance = UUID.randomUUID().toString();

    private final MongoTemplate mongo;
    private final EventStore eventStore;
    private final Catalogue catalogue;
    private final DashboardGenerations generations;
    private final Clock clock;
    private final int chunkSize;
    private final int remembered;
    private volatile RebuildProgress progress;

    DashboardRebuild(MongoTemplate mongo, EventStore eventStore, Catalogue catalogue, DashboardGenerations generations, Clock clock,
                     @Value("${mpp.projections.rebuild-batch-size:50000}") int chunkSize,
                     @Value("${mpp.projections.rebuild-remembered-applications:500000}") int remembered) {
        this.chunkSize = chunkSize;
        this.remembered = remembered;
        this.mongo = mongo;
        this.eventStore = eventStore;
        this.catalogue = catalogue;
        this.generations = generations;
        this.clock = clock;
    }

    /** Starts a rebuild, unless one is running, here or on another instance; answers its progress. */
    public synchronized RebuildProgress start() {
        if (progress != null && progress.running() || !generations.claimRebuild(instance, clock.instant().plus(CLAIMED_FOR))) {
            return null;
        }
        int from = generations.current();
        int next = from + 1;
        progress = RebuildProgress.started(next, headPosition(), clock.instant());
        var thread = new Thread(() -> rebuild(from, next), "dashboard-rebuild");
        thread.setDaemon(true);
        thread.start();
        return progress;
    }

    /** Dashboards counted with an older schema lack what this version shows: they are rebuilt beside, as on request. */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildWhenCountedWithAnOlderSchema() {
        if (generations.schema() < DashboardStore.SCHEMA) {
            log.info("The dashboards were counted with schema {}; this version counts with {}: rebuilding them",
                    generations.schema(), DashboardStore.SCHEMA);
            start();
        }
    }

    public RebuildProgress progress() {
        return progress == null ? null : progress.at(clock.instant());
    }

    private void rebuild(int from, int next) {
        var catchingUp = DashboardStore.rebuilding(mongo, next, remembered);
        catchingUp.drop();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            log.info("Rebuilding the dashboards into generation {} ({} events)", next, progress.headPosition());
            followToHead(stream, projectionInto(catchingUp));
            catchingUp.writeRemembered();
            generations.switchTo(next);
            // instances that still write the old generation see the switch within this time
            Thread.sleep(DashboardGenerations.CACHED_FOR.multipliedBy(2).toMillis());
            progress = progress.withHead(headPosition());
            // the live projection writes the new generation too now: from here on, every application as stored
            followToHead(stream, projectionInto(new DashboardStore(mongo, () -> next)));
            new DashboardStore(mongo, () -> from).drop();
            progress = progress.finished(clock.instant());
            generations.releaseRebuild(instance);
            log.info("Dashboards rebuilt: generation {} serves, {} events in {}", next, progress.eventsDone(),
                    Duration.between(progress.startedAt(), progress.finishedAt()));
        } catch (Exception e) {
            progress = progress.failed(e.toString(), clock.instant());
            generations.releaseRebuild(instance);
            log.error("Rebuilding the dashboards into generation {} failed; generation {} still serves", next,
                    generations.current(), e);
        }
    }

    private AnnotationEventHandlerAdapter projectionInto(DashboardStore store) {
        return new AnnotationEventHandlerAdapter(new DashboardProjection(store, catalogue, SimpleQueryUpdateEmitter.builder().build()));
    }

    /**
     * Applies events until the stream has nothing more up to the head position known now, in batches of
     * {@code mpp.projections.rebuild-batch-size} events, each document touched by a batch read and written once.
     */
    private void followToHead(BlockingStream<TrackedEventMessage<?>> stream, AnnotationEventHandlerAdapter projection)
            throws Exception {
        long head = progress.headPosition();
        while (true) {
            if (!stream.hasNextAvailable((int) QUIET.toMillis(), TimeUnit.MILLISECONDS)) {
                if (progress.position() >= head) {
                    return;
                }
                head = headPosition();
                progress = progress.withHead(head);
                continue;
            }
            List<TrackedEventMessage<?>> chunk = new ArrayList<>(chunkSize);
            while (chunk.size() < chunkSize && stream.hasNextAvailable()) {
                chunk.add(stream.nextAvailable());
            }
            // a batch as a tracking processor's: the dashboards read and write each touched document once for all of it
            var unitOfWork = new BatchingUnitOfWork<>(chunk);
            var result = unitOfWork.executeWithResult(() -> projection.handle(unitOfWork.getMessage()),
                    RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                throw result.exceptionResult() instanceof Exception exception ? exception : new IllegalStateException(result.exceptionResult());
            }
            progress = progress.applied(chunk.size(), position(chunk.get(chunk.size() - 1).trackingToken()));
            generations.claimRebuild(instance, clock.instant().plus(CLAIMED_FOR));
        }
    }

    private long headPosition() {
        return position(eventStore.createHeadToken());
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /**
     * @param eventsDone events applied to the new generation
     * @param position   the global position of the last of them
     * @param headPosition the head of the event stream, as last read
     */
    public record RebuildProgress(String state, int generation, long eventsDone, long position, long headPosition,
                           Double eventsPerSecond, Long estimatedSecondsLeft, Instant startedAt, Instant finishedAt,
                           String error) {

        static RebuildProgress started(int generation, long head, Instant now) {
            return new RebuildProgress("RUNNING", generation, 0, -1, head, null, null, now, null, null);
        }

        public boolean running() {
            return state.equals("RUNNING");
        }

        RebuildProgress applied(int events, long newPosition) {
            return new RebuildProgress(state, generation, eventsDone + events, newPosition, Math.max(headPosition, newPosition),
                    null, null, startedAt, null, null);
        }

        RebuildProgress withHead(long head) {
            return new RebuildProgress(state, generation, eventsDone, position, Math.max(head, position), null, null,
                    startedAt, null, null);
        }

        RebuildProgress finished(Instant now) {
            return new RebuildProgress("DONE", generation, eventsDone, position, headPosition, null, 0L, startedAt, now, null);
        }

        RebuildProgress failed(String why, Instant now) {
            return new RebuildProgress("FAILED", generation, eventsDone, position, headPosition, null, null, startedAt, now, why);
        }

        /** With the rate and the time left, as seen at {@code now}. */
        RebuildProgress at(Instant now) {
            Instant end = finishedAt == null ? now : finishedAt;
            double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
            double rate = Math.round(eventsDone / seconds * 10) / 10.0;
            Long left = finishedAt != null ? Long.valueOf(0) : rate == 0 ? null
                    : (long) Math.ceil(Math.max(0, headPosition - position) / rate);
            return new RebuildProgress(state, generation, eventsDone, position, headPosition, rate, left, startedAt,
                    finishedAt, error);
        }
    }
}

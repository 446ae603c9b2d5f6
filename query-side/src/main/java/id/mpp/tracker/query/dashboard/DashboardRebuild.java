package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.catalogue.Catalogue;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private static final int CHUNK = 500;

    private final MongoTemplate mongo;
    private final EventStore eventStore;
    private final Catalogue catalogue;
    private final DashboardGenerations generations;
    private final Clock clock;
    private volatile RebuildProgress progress;

    DashboardRebuild(MongoTemplate mongo, EventStore eventStore, Catalogue catalogue, DashboardGenerations generations, Clock clock) {
        this.mongo = mongo;
        this.eventStore = eventStore;
        this.catalogue = catalogue;
        this.generations = generations;
        this.clock = clock;
    }

    /** Starts a rebuild, unless one is running here; answers its progress. */
    public synchronized RebuildProgress start() {
        if (progress != null && progress.running()) {
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

    public RebuildProgress progress() {
        return progress == null ? null : progress.at(clock.instant());
    }

    private void rebuild(int from, int next) {
        var store = new DashboardStore(mongo, () -> next);
        store.drop();
        var projection = new AnnotationEventHandlerAdapter(
                new DashboardProjection(store, catalogue, SimpleQueryUpdateEmitter.builder().build()));
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            log.info("Rebuilding the dashboards into generation {} ({} events)", next, progress.headPosition());
            followToHead(stream, projection);
            generations.switchTo(next);
            // instances that still write the old generation see the switch within this time
            Thread.sleep(DashboardGenerations.CACHED_FOR.multipliedBy(2).toMillis());
            progress = progress.withHead(headPosition());
            followToHead(stream, projection);
            new DashboardStore(mongo, () -> from).drop();
            progress = progress.finished(clock.instant());
            log.info("Dashboards rebuilt: generation {} serves, {} events in {}", next, progress.eventsDone(),
                    Duration.between(progress.startedAt(), progress.finishedAt()));
        } catch (Exception e) {
            progress = progress.failed(e.toString(), clock.instant());
            log.error("Rebuilding the dashboards into generation {} failed; generation {} still serves", next,
                    generations.current(), e);
        }
    }

    /**
     * Applies events until the stream has nothing more up to the head position known now, {@value #CHUNK} at a time
     * in one unit of work, so that each dashboard document is written once per chunk.
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
            var chunk = DefaultUnitOfWork.startAndGet(null);
            try {
                for (int i = 0; i < CHUNK && stream.hasNextAvailable(); i++) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    projection.handle(event);
                    progress = progress.applied(position(event.trackingToken()));
                }
                chunk.commit();
            } catch (Exception e) {
                chunk.rollback(e);
                throw e;
            }
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

        RebuildProgress applied(long newPosition) {
            return new RebuildProgress(state, generation, eventsDone + 1, newPosition, Math.max(headPosition, newPosition),
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

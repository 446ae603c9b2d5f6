package id.mpp.tracker.query.audit;

import id.mpp.tracker.platform.web.NotFoundException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Replays asked for asynchronously ({@code Prefer: respond-async}): queued, run a few at a time, and kept for an hour
 * after they finish for the asker to collect. Held by the instance that took the request.
 */
@Component
class ReplayJobs {

    private static final Logger log = LoggerFactory.getLogger(ReplayJobs.class);
    private static final Duration KEPT_FOR = Duration.ofHours(1);

    private final Map<String, ReplayJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runners;
    private final Clock clock;

    ReplayJobs(@Value("${mpp.audit.concurrent-replays:2}") int concurrentReplays, Clock clock) {
        this.runners = Executors.newFixedThreadPool(concurrentReplays, runnable -> {
            Thread thread = new Thread(runnable, "audit-replay");
            thread.setDaemon(true);
            return thread;
        });
        this.clock = clock;
    }

    ReplayJob start(String question, Supplier<Object> replay) {
        jobs.values().removeIf(job -> job.finishedAt() != null && job.finishedAt().isBefore(clock.instant().minus(KEPT_FOR)));
        ReplayJob queued = ReplayJob.queued(UUID.randomUUID().toString(), question, clock.instant());
        jobs.put(queued.id(), queued);
        runners.submit(() -> run(queued, replay));
        return queued;
    }

    ReplayJob find(String id) {
        ReplayJob job = jobs.get(id);
        if (job == null) {
            throw new NotFoundException("No replay " + id + " on this instance (replays are kept for " + KEPT_FOR.toHours()
                    + " h after they finish)");
        }
        return job;
    }

    private void run(ReplayJob queued, Supplier<Object> replay) {
        jobs.put(queued.id(), queued.running(clock.instant()));
        try {
            Object result = replay.get();
            jobs.computeIfPresent(queued.id(), (id, job) -> job.done(result, clock.instant()));
        } catch (RuntimeException e) {
            log.error("Replay {} ({}) failed", queued.id(), queued.question(), e);
            jobs.computeIfPresent(queued.id(), (id, job) -> job.failed(e.getMessage(), clock.instant()));
        }
    }

    @PreDestroy
    void stop() {
        runners.shutdownNow();
    }

    /**
     * A replay asked for: {@code QUEUED}, {@code RUNNING}, {@code DONE} with its result, or {@code FAILED} with why.
     */
    record ReplayJob(String id, String question, String state, Instant askedAt, Instant startedAt, Instant finishedAt,
                     Object result, String error) {

        static ReplayJob queued(String id, String question, Instant now) {
            return new ReplayJob(id, question, "QUEUED", now, null, null, null, null);
        }

        ReplayJob running(Instant now) {
            return new ReplayJob(id, question, "RUNNING", askedAt, now, null, null, null);
        }

        ReplayJob done(Object replayed, Instant now) {
            return new ReplayJob(id, question, "DONE", askedAt, startedAt, now, replayed, null);
        }

        ReplayJob failed(String why, Instant now) {
            return new ReplayJob(id, question, "FAILED", askedAt, startedAt, now, null, why);
        }
    }
}

package id.mpp.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How fast the read side is rebuilt from the event store: a rebuild of the dashboards (into a new generation while
 * the current one serves) and a replay of the status projection, each timed from its start until it is at the head.
 */
final class Rebuilds {

    record Rebuild(String name, long events, double seconds, double eventsPerSecond) {

        Map<String, Object> figures() {
            var figures = new LinkedHashMap<String, Object>();
            figures.put("events", events);
            figures.put("seconds", Report.round(seconds));
            figures.put("eventsPerSecond", Report.round(eventsPerSecond));
            return figures;
        }
    }

    private static final Duration LIMIT = Duration.ofHours(2);

    private final Api api;
    private final String adminKey;

    Rebuilds(Api api, String adminKey) {
        this.api = api;
        this.adminKey = adminKey;
    }

    Rebuild dashboards() throws InterruptedException {
        Api.Answer started = api.post("/api/v1/admin/projections/dashboards/rebuild", adminKey, null);
        if (started.status() != 202) {
            throw new IllegalStateException("The dashboards' rebuild did not start: " + started.status() + " " + started.body());
        }
        long begun = System.nanoTime();
        long shown = begun;
        while (System.nanoTime() - begun < LIMIT.toNanos()) {
            Thread.sleep(250);
            JsonNode progress = api.get("/api/v1/admin/projections/dashboards/rebuild", adminKey).json();
            String state = progress.path("state").asText();
            if (!state.equals("RUNNING")) {
                if (!progress.path("error").isNull() && !progress.path("error").isMissingNode()) {
                    throw new IllegalStateException("The dashboards' rebuild failed: " + progress.path("error").asText());
                }
                double seconds = (System.nanoTime() - begun) / 1e9;
                long events = progress.path("eventsDone").asLong();
                return new Rebuild("dashboards", events, seconds, events / seconds);
            }
            if (System.nanoTime() - shown > 5e9) {
                shown = System.nanoTime();
                Progress.show(String.format("rebuild: dashboards %,d of ~%,d events, %.0f events/s", progress.path("eventsDone").asLong(),
                        progress.path("headPosition").asLong(), progress.path("eventsPerSecond").asDouble()));
            }
        }
        throw new IllegalStateException("The dashboards' rebuild did not finish within " + LIMIT);
    }

    /** @param events how many events the stream holds (what the replay goes through) */
    Rebuild statusReplay(long events) throws InterruptedException {
        long head = headPosition();
        Api.Answer started = api.post("/api/v1/admin/projections/application-status/replay", adminKey, null);
        if (started.status() != 202) {
            throw new IllegalStateException("The status projection's replay did not start: " + started.status() + " " + started.body());
        }
        long begun = System.nanoTime();
        long shown = begun;
        boolean replayed = false;
        while (System.nanoTime() - begun < LIMIT.toNanos()) {
            Thread.sleep(100);
            JsonNode status = processor("application-status");
            long position = slowestPosition(status);
            for (JsonNode segment : status.get("segments")) {
                replayed |= segment.path("replaying").asBoolean();
            }
            // a processor reports itself replaying until an event beyond the reset position arrives, so on an idle
            // stream the replay is over once it has been seen replaying and its position is back at the head
            if (replayed && position >= head) {
                double seconds = (System.nanoTime() - begun) / 1e9;
                return new Rebuild("application-status", events, seconds, events / seconds);
            }
            if (System.nanoTime() - shown > 5e9) {
                shown = System.nanoTime();
                Progress.show(String.format("rebuild: status projection at position %,d of %,d", position, head));
            }
        }
        throw new IllegalStateException("The status projection's replay did not finish within " + LIMIT);
    }

    long headPosition() {
        long head = -1;
        for (JsonNode processor : api.get("/api/v1/admin/projections", adminKey).json()) {
            if (!processor.get("lag").isNull()) {
                head = Math.max(head, slowestPosition(processor) + processor.get("lag").asLong());
            }
        }
        return head;
    }

    /** Waits until every projection has reached the head (after a seed, or before measuring). */
    void awaitCaughtUp(Duration limit) throws InterruptedException {
        long begun = System.nanoTime();
        long shown = begun;
        while (System.nanoTime() - begun < limit.toNanos()) {
            long behind = 0;
            for (JsonNode processor : api.get("/api/v1/admin/projections", adminKey).json()) {
                behind = Math.max(behind, processor.get("lag").isNull() ? Long.MAX_VALUE : processor.get("lag").asLong());
            }
            if (behind == 0) {
                return;
            }
            if (System.nanoTime() - shown > 5e9) {
                shown = System.nanoTime();
                Progress.show(String.format("waiting for the projections to catch up: %,d events behind", behind));
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The projections did not catch up within " + limit);
    }

    private JsonNode processor(String name) {
        for (JsonNode processor : api.get("/api/v1/admin/projections", adminKey).json()) {
            if (processor.get("name").asText().equals(name)) {
                return processor;
            }
        }
        throw new IllegalStateException("No projection named " + name);
    }

    private static long slowestPosition(JsonNode processor) {
        long slowest = Long.MAX_VALUE;
        for (JsonNode segment : processor.get("segments")) {
            slowest = Math.min(slowest, segment.get("position").isNull() ? -1 : segment.get("position").asLong());
        }
        return slowest == Long.MAX_VALUE ? -1 : slowest;
    }
}

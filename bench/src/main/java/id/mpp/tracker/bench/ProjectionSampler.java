package id.mpp.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far behind the stream each projection runs, in time: every {@value #PERIOD_MS} ms the processors' positions
 * and the head of the event store are read (one light request); a projection at position p at time t lags by t minus
 * the moment the head passed p (interpolated between samples). After the load, how long each takes to reach the head.
 */
final class ProjectionSampler {

    static final long PERIOD_MS = 100;

    record Sample(long nanos, long head, Map<String, Long> positions) {
    }

    /** Per projection: its lag while loaded, its lag when the load stopped, and the time it then took to catch up. */
    record Lags(Map<String, Latencies> whileLoaded, Map<String, Double> atEndMs, Map<String, Double> catchUpMs) {
    }

    private final Api api;
    private final String adminKey;
    private final List<Sample> samples = new ArrayList<>();
    private Window window;
    private final Map<String, Double> catchUp = new LinkedHashMap<>();

    ProjectionSampler(Api api, String adminKey) {
        this.api = api;
        this.adminKey = adminKey;
    }

    void run(Window window) {
        this.window = window;
        try {
            // sampled from the warm-up on, so that the head's history reaches back before a projection that is
            // already behind when counting begins; only samples taken while counting are reported
            while (!window.over()) {
                read().ifPresent(samples::add);
                Thread.sleep(PERIOD_MS);
            }
            awaitCatchUp(System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitCatchUp(long loadEnded) throws InterruptedException {
        var final_ = read();
        if (final_.isEmpty()) {
            return;
        }
        long head = final_.get().head();
        var pending = new LinkedHashMap<>(final_.get().positions());
        long deadline = loadEnded + 120_000_000_000L;
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            var sample = read();
            if (sample.isPresent()) {
                for (var projection : List.copyOf(pending.keySet())) {
                    Long position = sample.get().positions().get(projection);
                    if (position != null && position >= head) {
                        catchUp.put(projection, (System.nanoTime() - loadEnded) / 1e6);
                        pending.remove(projection);
                    }
                }
            }
            Thread.sleep(PERIOD_MS / 2);
        }
        pending.keySet().forEach(projection -> catchUp.put(projection, Double.POSITIVE_INFINITY));
    }

    private java.util.Optional<Sample> read() {
        Api.Answer answer = api.get("/api/v1/admin/projections", adminKey);
        if (!answer.ok()) {
            return java.util.Optional.empty();
        }
        long head = -1;
        var positions = new LinkedHashMap<String, Long>();
        for (JsonNode processor : answer.json()) {
            long slowest = Long.MAX_VALUE;
            for (JsonNode segment : processor.get("segments")) {
                slowest = Math.min(slowest, segment.get("position").isNull() ? -1 : segment.get("position").asLong());
            }
            long position = slowest == Long.MAX_VALUE ? -1 : slowest;
            positions.put(processor.get("name").asText(), position);
            if (!processor.get("lag").isNull()) {
                head = Math.max(head, position + processor.get("lag").asLong());
            }
        }
        return java.util.Optional.of(new Sample(System.nanoTime() - answer.nanos() / 2, head, positions));
    }

    Lags lags() {
        var whileLoaded = new LinkedHashMap<String, Latencies>();
        var atEnd = new LinkedHashMap<String, Double>();
        for (Sample sample : samples) {
            if (!window.counts(sample.nanos())) {
                continue;
            }
            sample.positions().forEach((projection, position) -> {
                double lag = lagMillis(sample, position);
                whileLoaded.computeIfAbsent(projection, name -> new Latencies()).record((long) (lag * 1e6));
                atEnd.put(projection, Report.round(lag));
            });
        }
        return new Lags(whileLoaded, atEnd, catchUp);
    }

    /** From the moment the head passed {@code position} (interpolated between samples) to the sample's time. */
    private double lagMillis(Sample sample, long position) {
        if (position >= sample.head()) {
            return 0;
        }
        Sample before = null;
        for (Sample earlier : samples) {
            if (earlier.nanos() > sample.nanos()) {
                break;
            }
            if (earlier.head() >= position) {
                if (before == null || before.head() == earlier.head()) {
                    return (sample.nanos() - earlier.nanos()) / 1e6;
                }
                double share = (double) (position - before.head()) / (earlier.head() - before.head());
                long passed = before.nanos() + (long) (share * (earlier.nanos() - before.nanos()));
                return (sample.nanos() - passed) / 1e6;
            }
            before = earlier;
        }
        // the head passed it before sampling began (the warm-up's start): at least as old as the first sample
        return (sample.nanos() - samples.get(0).nanos()) / 1e6;
    }
}

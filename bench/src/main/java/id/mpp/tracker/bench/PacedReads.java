package id.mpp.tracker.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reads people make while the system is loaded, at a steady pace (not as fast as possible: a reader polling
 * without pause would take the CPU the commands need): an application's status by id, a list page of an MPP, the
 * national dashboard and an MPP's dashboard, in turn.
 */
final class PacedReads {

    private final Api api;
    private final Targets targets;
    private final Options options;
    private final AtomicReference<String[]> latest;
    private final Map<String, Latencies> latencies = new LinkedHashMap<>();
    private final Map<String, Map<Integer, Long>> refusals = new LinkedHashMap<>();

    PacedReads(Api api, Targets targets, Options options, AtomicReference<String[]> latest) {
        this.api = api;
        this.targets = targets;
        this.options = options;
        this.latest = latest;
        for (String read : new String[]{"status-by-id", "list-page", "national-dashboard", "mpp-dashboard"}) {
            latencies.put(read, new Latencies());
            refusals.put(read, new TreeMap<>());
        }
    }

    Map<String, Latencies> latencies() {
        return latencies;
    }

    /** Reads not answered 2xx, by status: a status read answered 404 is one of an application not yet projected. */
    Map<String, Map<Integer, Long>> refusals() {
        return refusals;
    }

    void run(Window window) {
        if (options.readsPerSecond() <= 0) {
            return;
        }
        long interval = 1_000_000_000L / options.readsPerSecond();
        long next = System.nanoTime();
        String mpp = targets.someMpp();
        for (long turn = 0; !window.over(); turn++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
            next += interval;
            String[] application = latest.get();
            String read = switch ((int) (turn % 4)) {
                case 0 -> application == null ? null : "status-by-id";
                case 1 -> "list-page";
                case 2 -> "national-dashboard";
                default -> "mpp-dashboard";
            };
            if (read == null) {
                continue;
            }
            Api.Answer answer = switch (read) {
                case "status-by-id" -> api.get("/api/v1/applications/" + application[0], application[1], "X-Purpose", "load test");
                case "list-page" -> api.get("/api/v1/applications?mppCode=" + mpp + "&page=0&size=20", options.viewerKey());
                case "national-dashboard" -> api.get("/api/v1/dashboards/national", options.viewerKey());
                default -> api.get("/api/v1/dashboards/mpps/" + mpp, options.viewerKey());
            };
            if (window.counts(System.nanoTime() - answer.nanos())) {
                if (answer.ok()) {
                    latencies.get(read).record(answer.nanos());
                } else {
                    refusals.get(read).merge(answer.status(), 1L, Long::sum);
                }
            }
        }
    }
}

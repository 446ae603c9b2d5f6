package id.mpp.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The reads of people and systems over the history in the store, with nothing else running: dashboards (national,
 * an MPP's, an agency's), list pages (an MPP's newest, an agency's in process, a page deep into an MPP's), an
 * application's status by id and by tracking number, and the as-of dashboard an auditor asks for. One reader at a
 * steady pace, so that each figure is the read's own cost, not a queue's; the as-of dashboard, which replays
 * history, is read less often, and the public tracking page within its rate limit.
 */
final class HistoryReads {

    static final List<String> READS = List.of("national-dashboard", "mpp-dashboard", "agency-dashboard", "list-mpp-newest",
            "list-agency-in-process", "list-mpp-page-50", "status-by-id", "status-by-tracking-number", "as-of-mpp-dashboard");
    private static final int AS_OF_EVERY = 20;
    /** The public tracking endpoint allows one client 60 requests a minute: 200 rounds read it 50 times. */
    private static final int TRACKING_EVERY = 4;
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final Api api;
    private final Options options;
    private final Map<String, Latencies> latencies = new LinkedHashMap<>();
    private final Map<String, Map<Integer, Long>> refusals = new LinkedHashMap<>();

    HistoryReads(Api api, Options options) {
        this.api = api;
        this.options = options;
        READS.forEach(read -> {
            latencies.put(read, new Latencies());
            refusals.put(read, new TreeMap<>());
        });
    }

    Map<String, Latencies> latencies() {
        return latencies;
    }

    Map<String, Map<Integer, Long>> refusals() {
        return refusals;
    }

    /** {@code rounds} of every read but the as-of dashboard, which is read every {@value #AS_OF_EVERY}th round. */
    void run(int rounds) throws InterruptedException {
        String viewer = options.viewerKey();
        // the MPP and agency of the newest application: one with a history, however small the store
        JsonNode newest = api.get("/api/v1/applications?page=0&size=1", viewer).json().path("content").path(0);
        if (newest.isMissingNode()) {
            throw new IllegalStateException("No application in the store to read: the reads need a history");
        }
        String mpp = newest.path("mppCode").asText();
        String agency = newest.path("agencyCode").asText();
        String officerKey = Targets.key(options.officerKey(), "{mpp}", mpp);
        List<JsonNode> applications = new ArrayList<>();
        api.get("/api/v1/applications?mppCode=" + mpp + "&page=0&size=100", viewer).json().path("content").forEach(applications::add);
        if (applications.isEmpty()) {
            throw new IllegalStateException("No application at " + mpp + " to read: the reads need a history");
        }
        String yesterday = LocalDate.now(WIB).minusDays(1).toString();
        long interval = 1_000_000_000L / Math.max(1, options.readsPerSecond());
        for (int round = 0; round < rounds; round++) {
            JsonNode application = applications.get(round % applications.size());
            read("national-dashboard", () -> api.get("/api/v1/dashboards/national", viewer), interval);
            read("mpp-dashboard", () -> api.get("/api/v1/dashboards/mpps/" + mpp, viewer), interval);
            read("agency-dashboard", () -> api.get("/api/v1/dashboards/agencies/" + agency, viewer), interval);
            read("list-mpp-newest", () -> api.get("/api/v1/applications?mppCode=" + mpp + "&page=0&size=20", viewer), interval);
            read("list-agency-in-process", () -> api.get("/api/v1/applications?agencyCode=" + agency
                    + "&status=IN_PROCESS&page=0&size=20", viewer), interval);
            read("list-mpp-page-50", () -> api.get("/api/v1/applications?mppCode=" + mpp + "&page=50&size=20", viewer), interval);
            read("status-by-id", () -> api.get("/api/v1/applications/" + application.path("applicationId").asText(),
                    officerKey, "X-Purpose", "load test"), interval);
            if (round % TRACKING_EVERY == 0) {
                read("status-by-tracking-number", () -> api.get("/api/v1/track/" + application.path("trackingNumber").asText(), null),
                        interval);
            }
            if (round % AS_OF_EVERY == 0) {
                read("as-of-mpp-dashboard", () -> api.get("/api/v1/audit/dashboards/mpps/" + mpp + "?day=" + yesterday,
                        options.auditorKey()), interval);
            }
        }
    }

    private void read(String read, Supplier<Api.Answer> request, long interval) throws InterruptedException {
        long started = System.nanoTime();
        Api.Answer answer = request.get();
        if (answer.ok()) {
            latencies.get(read).record(answer.nanos());
        } else {
            refusals.get(read).merge(answer.status(), 1L, Long::sum);
        }
        long wait = interval - (System.nanoTime() - started);
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}

package id.mpp.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Whole application lifecycles over HTTP with the real callers and their rights: an MPP officer submits at the
 * counter and verifies (routing it), the agency's system starts processing and completes. Each client runs one
 * lifecycle after another. Meanwhile: every {@value #PROBE_EVERY}th lifecycle, one read with {@code minVersion} times
 * the status projection from the last command's answer to its visibility; a paced reader times the reads people
 * make while the system is loaded; a sampler follows every projection's position against the head of the stream.
 */
final class CommandLoad {

    static final int PROBE_EVERY = 10;
    private static final List<String> ACTIONS = List.of("submit", "verify", "start-processing", "complete");

    record Result(double commandsPerSecond, double lifecyclesPerSecond, Latencies all, Map<String, Latencies> byAction,
                  Map<Integer, Long> errorsByStatus, Latencies statusLag, long statusLagTimeouts,
                  Map<String, Latencies> reads,
                  Map<String, Map<Integer, Long>> readRefusals, ProjectionSampler.Lags projectionLags, Cpu.Usage cpu) {
    }

    private final Api api;
    private final Targets targets;
    private final Options options;
    private final Cpu cpu;

    private final Latencies all = new Latencies();
    private final Map<String, Latencies> byAction = new LinkedHashMap<>();
    private final Map<Integer, LongAdder> errors = new ConcurrentHashMap<>();
    private final Latencies statusLag = new Latencies();
    private final AtomicLong statusLagTimeouts = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong lifecycles = new AtomicLong();
    /** The latest application completed, with its officer: what the paced reader reads by id. */
    private final AtomicReference<String[]> latest = new AtomicReference<>();

    CommandLoad(Api api, Targets targets, Options options, Cpu cpu) {
        this.api = api;
        this.targets = targets;
        this.options = options;
        this.cpu = cpu;
        ACTIONS.forEach(action -> byAction.put(action, new Latencies()));
    }

    Result run() throws InterruptedException {
        var window = Window.starting(options.warmup(), options.duration());
        ExecutorService probes = Executors.newFixedThreadPool(2);
        var reads = new PacedReads(api, targets, options, latest);
        var sampler = new ProjectionSampler(api, options.adminKey());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            threads.add(start("client-" + i, () -> drive(window, probes)));
        }
        threads.add(start("reads", () -> reads.run(window)));
        Thread sampling = start("sampler", () -> sampler.run(window));
        long shown = System.nanoTime();
        window.awaitCounting();
        Cpu.Sample cpuStart = cpu.sample();
        long countedAtStart = commands.get();
        while (!window.over()) {
            Thread.sleep(200);
            if (System.nanoTime() - shown > 5e9) {
                shown = System.nanoTime();
                Progress.show(String.format("commands: %,d counted, %.0f/s so far, errors %s", commands.get(),
                        (commands.get() - countedAtStart) / ((System.nanoTime() - window.countFromNanos()) / 1e9), errorsByStatus()));
            }
        }
        Cpu.Usage usage = cpu.sample().since(cpuStart);
        for (Thread thread : threads) {
            thread.join();
        }
        probes.shutdown();
        probes.awaitTermination(30, TimeUnit.SECONDS);
        sampling.join();
        return new Result(commands.get() / window.measuredSeconds(), lifecycles.get() / window.measuredSeconds(), all,
                byAction, errorsByStatus(), statusLag, statusLagTimeouts.get(), reads.latencies(), reads.refusals(), sampler.lags(), usage);
    }

    private void drive(Window window, ExecutorService probes) {
        long mine = 0;
        while (!window.over()) {
            var target = targets.any();
            String submit = String.format("{\"mppCode\":\"%s\",\"serviceCode\":\"%s\",\"channel\":\"COUNTER\","
                    + "\"applicant\":{\"nik\":\"%s\",\"name\":\"Warga Uji Beban\",\"phone\":\"081234567890\"}}",
                    target.mpp(), target.service(), Targets.nik());
            Api.Answer submitted = step(window, "submit", api.post("/api/v1/applications", target.officerKey(), submit));
            if (submitted == null) {
                continue;
            }
            String id = submitted.json().get("applicationId").asText();
            String path = "/api/v1/applications/" + id;
            if (step(window, "verify", api.post(path + "/verify", target.officerKey(), null)) == null
                    || step(window, "start-processing", api.post(path + "/start-processing", target.agencyKey(), null)) == null) {
                continue;
            }
            Api.Answer completed = step(window, "complete", api.post(path + "/complete", target.agencyKey(),
                    "{\"outputReference\":\"UJI/" + id.substring(0, 8) + "\"}"));
            if (completed == null) {
                continue;
            }
            long answeredAt = System.nanoTime();
            if (window.counts(answeredAt)) {
                lifecycles.incrementAndGet();
            }
            latest.set(new String[]{id, target.officerKey()});
            if (++mine % PROBE_EVERY == 0 && window.counts(answeredAt)) {
                long version = completed.json().get("version").asLong();
                probes.execute(() -> probeStatus(path, version, target.officerKey(), answeredAt));
            }
        }
    }

    /** The answer when it is a 2xx, else null (counted as an error by its status). */
    private Api.Answer step(Window window, String action, Api.Answer answer) {
        long answeredAt = System.nanoTime();
        boolean counted = window.counts(answeredAt - answer.nanos());
        if (!answer.ok()) {
            if (counted) {
                errors.computeIfAbsent(answer.status(), status -> new LongAdder()).increment();
            }
            return null;
        }
        if (counted) {
            all.record(answer.nanos());
            byAction.get(action).record(answer.nanos());
            commands.incrementAndGet();
        }
        return answer;
    }

    private void probeStatus(String path, long version, String key, long answeredAt) {
        Api.Answer answer = api.get(path + "?minVersion=" + version, key, "X-Purpose", "load test");
        if (answer.ok()) {
            JsonNode view = answer.json();
            if (view.get("version").asLong() >= version) {
                statusLag.record(System.nanoTime() - answeredAt);
                return;
            }
        }
        statusLagTimeouts.incrementAndGet();
    }

    private Map<Integer, Long> errorsByStatus() {
        var counts = new TreeMap<Integer, Long>();
        errors.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}

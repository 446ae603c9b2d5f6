package id.mpp.tracker.standalone.demo;

import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.Mpp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Demo traffic through the real command API. First the history: the process clock starts {@code historyDays} back
 * and moves forward with the simulated steps, sent as fast as the API takes them; then live: arrivals at their real
 * moments, and the steps of applications in progress when their time comes.
 */
final class TrafficSimulator implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TrafficSimulator.class);
    /** Simulated time per round while the history loads, and in real time once live. */
    private static final Duration TICK = Duration.ofMinutes(10);
    private static final Duration LIVE_TICK = Duration.ofMinutes(1);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);
    /** Requests sent side by side while the history loads. */
    private static final int SENDERS = 6;

    private final TrafficModel model;
    private final Catalogue catalogue;
    private final SimulationClock clock;
    private final RestClient api;
    private final int historyDays;
    private final PriorityQueue<Journey> inProgress = new PriorityQueue<>(Comparator.comparing(journey -> journey.peek().at()));
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong applications = new AtomicLong();
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, runnable -> {
        var thread = new Thread(runnable, "demo-traffic-sender");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running = true;

    TrafficSimulator(TrafficModel model, Catalogue catalogue, SimulationClock clock, RestClient api, int historyDays) {
        this.model = model;
        this.catalogue = catalogue;
        this.clock = clock;
        this.api = api;
        this.historyDays = historyDays;
    }

    @Override
    public void run() {
        try {
            int days = historyDays > 0 && alreadyHasTraffic() ? 0 : historyDays;
            Instant start = Instant.now().minus(Duration.ofDays(days));
            clock.startAt(start);
            if (days > 0) {
                log.info("Demo traffic: loading {} days of history from {}", days, start);
            }
            Instant tick = start;
            Instant lastReport = Instant.now();
            boolean live = false;
            while (running) {
                Duration span = live ? LIVE_TICK : TICK;
                Instant tickEnd = tick.plus(span);
                arrive(tick, span);
                sendDue(tickEnd);
                tick = tickEnd;
                if (!live && !tick.isBefore(Instant.now())) {
                    clock.advanceTo(Instant.now());
                    live = true;
                    log.info("Demo traffic: history loaded ({} applications, {} requests, {} refused); now live",
                            applications.get(), sent.get(), refused.get());
                }
                if (live) {
                    sleepUntil(tickEnd);
                }
                if (Duration.between(lastReport, Instant.now()).compareTo(REPORT_EVERY) > 0) {
                    lastReport = Instant.now();
                    log.info("Demo traffic: {} applications, {} requests, {} refused, {} in progress",
                            applications.get(), sent.get(), refused.get(), inProgress.size());
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        running = false;
        senders.shutdownNow();
    }

    long applications() {
        return applications.get();
    }

    private void arrive(Instant tick, Duration span) {
        for (Mpp mpp : catalogue.mpps()) {
            int arrivals = model.arrivals(mpp, tick, span);
            for (int i = 0; i < arrivals; i++) {
                inProgress.add(model.journey(mpp, model.serviceAt(mpp), model.momentWithin(tick, span)));
                applications.incrementAndGet();
            }
        }
    }

    /**
     * Sends every step due before {@code until}: in real time once live; while loading the history, in waves of one
     * step per application sent side by side, the clock moved to the latest step of the wave.
     */
    private void sendDue(Instant until) throws InterruptedException {
        while (running && !inProgress.isEmpty() && inProgress.peek().peek().at().isBefore(until)) {
            if (clock.caughtUp()) {
                Journey journey = inProgress.poll();
                Journey.Step step = journey.advance();
                sleepUntil(step.at());
                if (send(journey, step) && journey.hasNext()) {
                    inProgress.add(journey);
                }
                continue;
            }
            var wave = new ArrayList<Journey>();
            while (!inProgress.isEmpty() && inProgress.peek().peek().at().isBefore(until)) {
                wave.add(inProgress.poll());
            }
            clock.advanceTo(wave.get(wave.size() - 1).peek().at());
            var sentOn = wave.stream().map(journey -> CompletableFuture.supplyAsync(
                    () -> send(journey, journey.advance()) && journey.hasNext(), senders)).toList();
            for (int i = 0; i < wave.size(); i++) {
                if (sentOn.get(i).join()) {
                    inProgress.add(wave.get(i));
                }
            }
        }
    }

    /** A history goes only into an empty store: events already recorded must not be followed by older ones. */
    private boolean alreadyHasTraffic() {
        var national = api.get().uri("/api/v1/dashboards/national?from={from}&to={to}",
                        LocalDate.now().minusDays(365), LocalDate.now())
                .header("X-Api-Key", "demo-viewer").retrieve().body(Map.class);
        Object submitted = national == null ? null : ((Map<?, ?>) national.get("totals")).get("submitted");
        boolean found = submitted instanceof Number count && count.longValue() > 0;
        if (found) {
            log.info("Demo traffic: the store already holds applications, so no history is loaded; going live");
        }
        return found;
    }

    private boolean send(Journey journey, Journey.Step step) {
        String path = step.action().equals("submit")
                ? "/api/v1/applications"
                : "/api/v1/applications/" + journey.applicationId() + "/" + step.action();
        try {
            var request = api.post().uri(path).header("X-Api-Key", "demo-" + step.principal())
                    .contentType(MediaType.APPLICATION_JSON);
            if (step.body() != null) {
                request.body(step.body());
            }
            Map<?, ?> reply = request.retrieve().body(Map.class);
            sent.incrementAndGet();
            if (step.action().equals("submit") && reply != null) {
                journey.submittedAs(String.valueOf(reply.get("applicationId")));
            }
            return true;
        } catch (RestClientResponseException refusal) {
            // e.g. approved by law before the agency decided: the rest of this journey no longer applies
            refused.incrementAndGet();
            if (refusal.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(401))) {
                log.warn("Demo traffic needs the demo profile's keys (--spring.profiles.active=demo): {}", refusal.getMessage());
                stop();
            }
            return false;
        } catch (RuntimeException unavailable) {
            refused.incrementAndGet();
            log.debug("Demo step {} failed: {}", step.action(), unavailable.toString());
            return false;
        }
    }

    private void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(Math.min(millis, TICK.toMillis()));
        }
    }
}

package id.mpp.tracker.standalone.seed;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.catalogue.Service;
import id.mpp.tracker.standalone.demo.TrafficModel;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * The simulated past, moved through in the order of time as the demo's simulator moves through a history: every tick
 * the tick's arrivals join the applications in progress, then whatever falls due before the tick's end happens, in
 * time order: the next step of an application, the due-date watch's check of one, or stream anchoring. An application
 * is kept only while something is still ahead of it within the period.
 */
final class Timeline {

    /** Simulated time per round, as the demo's simulator moves through a history. */
    static final Duration TICK = Duration.ofMinutes(10);

    private final TrafficModel model;
    private final ArrivalSchedule arrivals;
    private final SeedIds ids;
    private final Acts acts;
    private final History history;
    private final Anchoring anchoring;
    private final PriorityQueue<SeededApplication> inProgress = new PriorityQueue<>();
    private long submitted;

    Timeline(TrafficModel model, ArrivalSchedule arrivals, SeedIds ids, Acts acts, History history, Anchoring anchoring) {
        this.model = model;
        this.arrivals = arrivals;
        this.ids = ids;
        this.acts = acts;
        this.history = history;
        this.anchoring = anchoring;
    }

    /** Runs the tick starting at {@code tick}, up to {@code until} at the latest (the end of the period). */
    void run(long tick, long until) {
        arrivals.arrivalsIn(tick, (mpp, at) -> {
            Service service = model.serviceAt(mpp);
            var steps = new StepsAhead(model.journey(mpp, service, at), acts::caller);
            inProgress.add(new SeededApplication(ApplicationId.of(ids.next()), mpp, service, steps, submitted++));
        });
        long end = Math.min(tick + TICK.toMillis(), until);
        while (true) {
            long nextApplication = inProgress.isEmpty() ? SeededApplication.NEVER : inProgress.peek().wakeAt();
            long nextAnchoring = anchoring.nextMoment();
            if (Math.min(nextApplication, nextAnchoring) >= end) {
                return;
            }
            if (nextAnchoring <= nextApplication) {
                anchoring.runAt(nextAnchoring);
            } else {
                SeededApplication application = inProgress.poll();
                if (application.wake(history)) {
                    inProgress.add(application);
                }
            }
        }
    }

    long submitted() {
        return submitted;
    }

    int inProgress() {
        return inProgress.size();
    }
}

package id.mpp.tracker.standalone.demo;

import java.time.Instant;
import java.util.List;

/** The steps of one simulated application, in order; the application's id is known once it is submitted. */
public final class Journey {

    private final List<Step> steps;
    private int next;
    private String applicationId;

    Journey(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public List<Step> steps() {
        return steps;
    }

    public boolean hasNext() {
        return next < steps.size();
    }

    public Step peek() {
        return steps.get(next);
    }

    public Step advance() {
        return steps.get(next++);
    }

    public void stop() {
        next = steps.size();
    }

    String applicationId() {
        return applicationId;
    }

    void submittedAs(String id) {
        this.applicationId = id;
    }

    /**
     * @param action    "submit", or the path name of an action on the application
     * @param principal the demo caller who takes it
     * @param body      the request body, or null
     */
    public record Step(Instant at, String action, String principal, Object body) {
    }
}

package id.mpp.tracker.standalone.seed;

import id.mpp.tracker.standalone.demo.Journey;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A journey's steps still to come, kept small: a national seed holds a hundred thousand applications and more in
 * progress at once, and the traffic model's steps (a record, an instant and a copy of the caller's name each, and the
 * applicant's data after submission) would be most of the heap and of the collector's work. Each step is taken once,
 * and its body let go.
 */
final class StepsAhead {

    private final long[] at;
    private final String[] actions;
    private final String[] principals;
    private final Object[] bodies;
    private int next;

    /** @param callers gives the one shared instance of each caller's name */
    StepsAhead(Journey journey, UnaryOperator<String> callers) {
        List<Journey.Step> steps = journey.steps();
        int size = steps.size();
        this.at = new long[size];
        this.actions = new String[size];
        this.principals = new String[size];
        this.bodies = new Object[size];
        for (int i = 0; i < size; i++) {
            Journey.Step step = steps.get(i);
            at[i] = step.at().toEpochMilli();
            actions[i] = step.action();
            principals[i] = callers.apply(step.principal());
            bodies[i] = step.body();
        }
    }

    /** When the next step is taken, or {@link SeededApplication#NEVER}. */
    long nextAt() {
        return next < at.length ? at[next] : SeededApplication.NEVER;
    }

    Journey.Step take() {
        var step = new Journey.Step(Instant.ofEpochMilli(at[next]), actions[next], principals[next], bodies[next]);
        bodies[next] = null;
        next++;
        return step;
    }

    /** Nothing more happens: the rest of the journey no longer applies. */
    void stop() {
        next = at.length;
    }
}

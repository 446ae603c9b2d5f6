package id.mpp.tracker.platform.web;

import java.time.Duration;

/** A request that cannot be answered now but is worth repeating after {@link #retryAfter()}: 503 with Retry-After. */
public abstract class RetryLaterException extends RuntimeException {

    private final Duration retryAfter;

    protected RetryLaterException(String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The problem type the answer carries. */
    public abstract ProblemType type();
}

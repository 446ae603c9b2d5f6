package id.mpp.tracker.platform.web;

import java.time.Duration;

/** A read model has not yet reached what the client asked to see; worth retrying shortly. */
public class NotYetConsistentException extends RuntimeException {

    private final Duration retryAfter;

    public NotYetConsistentException(String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

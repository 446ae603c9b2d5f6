package id.mpp.tracker.platform.web;

import java.time.Duration;

/** A read model has not yet reached what the client asked to see. */
public class NotYetConsistentException extends RetryLaterException {

    public NotYetConsistentException(String detail, Duration retryAfter) {
        super(detail, retryAfter);
    }

    @Override
    public ProblemType type() {
        return ProblemType.NOT_YET_CONSISTENT;
    }
}

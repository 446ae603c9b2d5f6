package id.mpp.tracker.platform.web;

import java.time.Duration;

/** The service has as much of some heavy work running as it takes at once. */
public class BusyException extends RetryLaterException {

    public BusyException(String detail, Duration retryAfter) {
        super(detail, retryAfter);
    }

    @Override
    public ProblemType type() {
        return ProblemType.SERVICE_UNAVAILABLE;
    }
}

package id.mpp.tracker.platform.web;

import java.time.Duration;

/** The service has as much of some heavy work running as it takes at once; worth retrying later. */
public class BusyException extends RuntimeException {

    private final Duration retryAfter;

    public BusyException(String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

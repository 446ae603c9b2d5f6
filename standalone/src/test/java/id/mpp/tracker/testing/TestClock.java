package id.mpp.tracker.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time, or real time moved ahead by a test that must cross a due date. It stamps events too, so a test that
 * moves it must {@link #reset} it, for the tests after it.
 */
public final class TestClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    /** From now on, the time is {@code moment} plus the real time elapsed since this call. */
    public void moveTo(Instant moment) {
        ahead = Duration.between(Instant.now(), moment);
    }

    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock runs in UTC");
    }
}

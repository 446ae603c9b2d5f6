package id.mpp.tracker.standalone.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The process's clock while the demo traffic simulator loads a history: it starts in the past and the simulator
 * moves it forward, never back, as it replays the days; once it reaches real time it stays there.
 */
public final class SimulationClock extends Clock {

    private volatile Duration behind = Duration.ZERO;

    /** Moves the clock to {@code moment} if that is ahead of it (and not in the future), as real time goes on from there. */
    public synchronized void advanceTo(Instant moment) {
        Instant now = Instant.now();
        Instant target = moment.isAfter(now) ? now : moment;
        if (target.isAfter(instant())) {
            behind = Duration.between(target, now);
        }
    }

    /** Starts the clock at {@code moment} in the past. */
    synchronized void startAt(Instant moment) {
        behind = Duration.between(moment, Instant.now());
        if (behind.isNegative()) {
            behind = Duration.ZERO;
        }
    }

    public boolean caughtUp() {
        return behind.isZero();
    }

    @Override
    public Instant instant() {
        return Instant.now().minus(behind);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulation clock runs in UTC");
    }
}

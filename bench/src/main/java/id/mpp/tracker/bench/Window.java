package id.mpp.tracker.bench;

import java.time.Duration;

/** A scenario's time: a warm-up whose results are not counted, then the measured stretch. */
record Window(long startNanos, long countFromNanos, long endNanos) {

    static Window starting(Duration warmup, Duration measured) {
        long now = System.nanoTime();
        return new Window(now, now + warmup.toNanos(), now + warmup.toNanos() + measured.toNanos());
    }

    boolean counts(long nanos) {
        return nanos >= countFromNanos && nanos < endNanos;
    }

    boolean over() {
        return System.nanoTime() >= endNanos;
    }

    boolean warmingUp() {
        return System.nanoTime() < countFromNanos;
    }

    double measuredSeconds() {
        return (endNanos - countFromNanos) / 1e9;
    }

    /** Sleeps until the measured stretch begins (for samplers that measure only then). */
    void awaitCounting() throws InterruptedException {
        long wait = countFromNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}

package id.mpp.tracker.query.audit;

import id.mpp.tracker.platform.web.BusyException;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * How many replays run at once on this instance: each reads the event stream and writes a read model of its own, so
 * a few auditors' requests must not crowd out the live projections.
 */
final class ReplaySlots {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final Semaphore slots;
    private final int size;

    ReplaySlots(int size) {
        this.slots = new Semaphore(size);
        this.size = size;
    }

    /** A slot, to be closed when the replay ends; 503 when all are taken. */
    Slot take() {
        if (!slots.tryAcquire()) {
            throw new BusyException(size + " replays are running on this instance, as many as it runs at once; retry later",
                    RETRY_AFTER);
        }
        return slots::release;
    }

    /** A slot once one is free, for replays that were queued. */
    Slot await() {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to replay", e);
        }
        return slots::release;
    }

    interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}

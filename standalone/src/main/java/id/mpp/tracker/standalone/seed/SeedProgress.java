package id.mpp.tracker.standalone.seed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A line every few seconds while seeding: how far, how fast, how much is in progress and in memory. Memory is the
 * heap as the last collection left it (what is live, not what awaits collecting), its peak reported at the end.
 */
final class SeedProgress {

    private static final Logger log = LoggerFactory.getLogger(SeedProgress.class);
    private static final long EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final long started = System.nanoTime();
    private long lastReport = started;
    private long peakLive;

    long started() {
        return started;
    }

    void maybeReport(long submitted, long stored, int inProgress, long simulatedAt) {
        long now = System.nanoTime();
        if (now - lastReport < EVERY_NANOS) {
            return;
        }
        lastReport = now;
        long live = liveHeap();
        peakLive = Math.max(peakLive, live);
        double seconds = (now - started) / 1e9;
        log.info(String.format(Locale.ROOT, "Seeding: %d applications submitted, %d events stored (%.0f events/s), "
                        + "%d in progress, simulated time %s, live heap %d MB", submitted, stored, stored / seconds,
                inProgress, Instant.ofEpochMilli(simulatedAt), live >> 20));
    }

    long peakLiveHeapMb() {
        return Math.max(peakLive, liveHeap()) >> 20;
    }

    /** The process's peak resident set, where the system tells it (Linux), else -1. */
    static long peakResidentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                }
            }
        } catch (Exception unavailable) {
            // not Linux
        }
        return -1;
    }

    private static long liveHeap() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterCollection = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterCollection != null) {
                live += afterCollection.getUsed();
            }
        }
        return live;
    }
}

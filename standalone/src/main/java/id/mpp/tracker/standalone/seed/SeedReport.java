package id.mpp.tracker.standalone.seed;

import java.util.Locale;

/** What a seed wrote, and how fast. */
record SeedReport(long applications, long events, long anchors, double seconds) {

    double eventsPerSecond() {
        return events / seconds;
    }

    /** The one line benchmarks read: {@code Seeded <apps> applications: <events> events in <seconds> s (<rate> events/s)}. */
    String summary() {
        return String.format(Locale.ROOT, "Seeded %d applications: %d events in %.1f s (%.0f events/s)",
                applications, events, seconds, eventsPerSecond());
    }
}

package id.mpp.tracker.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** What the harness is doing, on standard error, so that standard output keeps only the table. */
final class Progress {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Progress() {
    }

    static void show(String message) {
        System.err.println(TIME.format(LocalTime.now()) + "  " + message);
    }
}

package id.mpp.tracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a start's time goes, read off the system's log: each milestone's time after the process began (the JVM's
 * start is the log's "process running for" minus the context's "Started ... in").
 */
final class StartupPhases {

    private static final Map<String, String> MILESTONES = new LinkedHashMap<>();

    static {
        MILESTONES.put("firstLogLine", null);
        MILESTONES.put("eventStoreUp", "Event store: PostgreSQL on port");
        MILESTONES.put("readModelsUp", "Read models: embedded MongoDB-compatible server");
        MILESTONES.put("webServerUp", "Tomcat started on port");
        MILESTONES.put("contextStarted", "Started StandaloneApplication in");
    }

    private StartupPhases() {
    }

    /** Milliseconds from the process's start to each milestone found in the log. */
    static Map<String, Object> of(Path log, Instant processStart) throws IOException {
        var phases = new LinkedHashMap<String, Object>();
        List<String> lines = Files.readAllLines(log);
        for (var milestone : MILESTONES.entrySet()) {
            for (String line : lines) {
                if (milestone.getValue() == null || line.contains(milestone.getValue())) {
                    Instant at = timestamp(line);
                    if (at != null) {
                        phases.put(milestone.getKey() + "Ms", Duration.between(processStart, at).toMillis());
                        break;
                    }
                }
            }
        }
        return phases;
    }

    private static Instant timestamp(String line) {
        int space = line.indexOf(' ');
        try {
            return space > 0 ? Instant.parse(line.substring(0, space)) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}

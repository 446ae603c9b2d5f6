package id.mpp.tracker.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run measures and against what: {@code --name=value} arguments, each with a default that suits these
 * 2-core machines. Without {@code --url} the harness starts {@code standalone} itself on a fresh data directory.
 */
record Options(String url, Path jar, Path dataDir, Path results, int clients, Duration warmup, Duration duration,
               int readsPerSecond, int seedApplications, Set<String> scenarios, String jdbcUrl, String mongoUri,
               String officerKey, String agencyKey, String viewerKey, String adminKey, String auditorKey,
               List<String> jvmArguments, List<String> appArguments, List<Integer> growth) {

    static final List<String> ALL_SCENARIOS = List.of("limits", "reads", "commands", "rebuild", "startup");

    static final String USAGE = """
            java -jar bench/target/bench-0.1.0-SNAPSHOT.jar [--name=value ...]
              --clients=8                 HTTP clients driving whole application lifecycles (and threads of the limits)
              --warmup=20s --duration=30s each measured scenario: a warm-up that is not counted, then the measurement
              --reads-per-second=20       paced reads (status, list page, national and MPP dashboard) during the load
              --scenarios=limits,reads,commands,rebuild,startup   which to run (default: all)
              --seed=0                    seed a history of N applications first (standalone's seeder), then measure
              --growth=10000,100000       run once per history size (each seeded afresh) and report how figures grow
              --jar=standalone/target/standalone-0.1.0-SNAPSHOT.jar   the system to start
              --data-dir=<temporary>      where that system keeps its data (must be empty or absent)
              --jvm-args="-Xmx2g"         options of the system's JVM; --app-args="--a=b ..." more settings of it
              --results=bench/results     where the JSON and Markdown reports go
              --url=http://host:8080      measure a running system instead (with --jdbc-url and --mongodb-uri for
                                          the physical limits, and keys: --officer-key=demo-officer-{mpp},
                                          --agency-key=demo-agency-{agency}, --viewer-key, --admin-key, --auditor-key)
            """;

    static Options parse(String... arguments) {
        Map<String, String> given = new HashMap<>();
        for (String argument : arguments) {
            if (argument.equals("--help") || argument.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            int equals = argument.indexOf('=');
            if (!argument.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Arguments are --name=value, not " + argument);
            }
            given.put(argument.substring(2, equals), argument.substring(equals + 1));
        }
        var option = new Reader(given);
        var scenarios = new LinkedHashSet<>(List.of(option.text("scenarios", String.join(",", ALL_SCENARIOS)).split(",")));
        if (!ALL_SCENARIOS.containsAll(scenarios)) {
            throw new IllegalArgumentException("Scenarios are " + ALL_SCENARIOS + ", not " + scenarios);
        }
        var options = new Options(option.text("url", null),
                Path.of(option.text("jar", "standalone/target/standalone-0.1.0-SNAPSHOT.jar")),
                option.text("data-dir", null) == null ? null : Path.of(option.text("data-dir", null)),
                Path.of(option.text("results", "bench/results")),
                option.number("clients", 8), option.duration("warmup", "20s"), option.duration("duration", "30s"),
                option.number("reads-per-second", 20), option.number("seed", 0), scenarios,
                option.text("jdbc-url", null), option.text("mongodb-uri", null),
                option.text("officer-key", "demo-officer-{mpp}"), option.text("agency-key", "demo-agency-{agency}"),
                option.text("viewer-key", "demo-viewer"), option.text("admin-key", "demo-admin"),
                option.text("auditor-key", "demo-auditor"),
                words(option.text("jvm-args", "")), words(option.text("app-args", "")), sizes(option.text("growth", "")));
        if (!option.unread().isEmpty()) {
            throw new IllegalArgumentException("Unknown options: " + option.unread());
        }
        if (!options.growth.isEmpty() && (options.url != null || options.dataDir != null)) {
            throw new IllegalArgumentException("--growth seeds a fresh system per size: it takes neither --url nor --data-dir");
        }
        if (options.clients < 1 || options.duration.isZero()) {
            throw new IllegalArgumentException("--clients and --duration must be positive");
        }
        return options;
    }

    /** The same run over a history of {@code applications}, seeded afresh. */
    Options seeding(int applications) {
        return new Options(url, jar, dataDir, results, clients, warmup, duration, readsPerSecond, applications, scenarios,
                jdbcUrl, mongoUri, officerKey, agencyKey, viewerKey, adminKey, auditorKey, jvmArguments, appArguments, List.of());
    }

    boolean startsSystem() {
        return url == null;
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    private static List<Integer> sizes(String text) {
        try {
            return text.isBlank() ? List.of() : java.util.Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--growth is a list of application counts such as 10000,100000, not " + text);
        }
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    private static final class Reader {
        private final Map<String, String> given;

        Reader(Map<String, String> given) {
            this.given = new HashMap<>(given);
        }

        String text(String name, String fallback) {
            String value = given.remove(name);
            return value == null ? fallback : value;
        }

        int number(String name, int fallback) {
            String value = text(name, null);
            try {
                return value == null ? fallback : Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " is a whole number, not " + value);
            }
        }

        Duration duration(String name, String fallback) {
            String value = text(name, fallback).trim().toLowerCase();
            try {
                if (value.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
                }
                if (value.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
                }
                return Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " is a duration such as 30s, 500ms or 2m, not " + value);
            }
        }

        Map<String, String> unread() {
            return given;
        }
    }
}

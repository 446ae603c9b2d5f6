package id.mpp.tracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The benchmark harness. Starts {@code standalone} on a fresh data directory (optionally seeded with a history)
 * or measures a running system ({@code --url}), runs the scenarios and reports every figure beside the physical
 * limit measured in the same run. See docs/performance.md.
 */
public final class Bench {

    /** Rounds of the reads over the history: enough for a p99 of each read. */
    private static final int READ_ROUNDS = 200;

    private final Options options;
    private final Report report;
    private Standalone system;
    private Api api;
    private PhysicalLimits.Limit postgresLimit;
    private PhysicalLimits.Limit mongoLimit;

    private Bench(Options options, String command) {
        this.options = options;
        this.report = new Report(command);
    }

    public static void main(String[] arguments) throws Exception {
        Options options;
        try {
            options = Options.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage().isEmpty() ? Options.USAGE : e.getMessage() + "\n\n" + Options.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        Path markdown = options.growth().isEmpty() ? measure(options, arguments)
                : Growth.measure(options, "java -jar bench/target/bench-0.1.0-SNAPSHOT.jar " + String.join(" ", arguments));
        System.err.println("Report: " + markdown + " (and .json)");
    }

    /** Runs the harness as its command line asks; answers the Markdown report written (the JSON is beside it). */
    static Path measure(Options options, String... arguments) throws Exception {
        var bench = new Bench(options, "java -jar bench/target/bench-0.1.0-SNAPSHOT.jar " + String.join(" ", arguments));
        bench.run();
        return bench.report.write(options.results());
    }

    /** Runs one size of a growth run; answers its report, not written on its own. */
    static Report measureOne(Options options, String command) throws Exception {
        var bench = new Bench(options, command);
        bench.run();
        return bench.report;
    }

    /** Runs every scenario asked for and prints the table. */
    private void run() throws Exception {
        Path dataDir = null;
        boolean temporary = false;
        try {
            if (options.startsSystem()) {
                temporary = options.dataDir() == null;
                dataDir = temporary ? Files.createTempDirectory("mpp-bench-").resolve("data") : options.dataDir();
                if (Files.isDirectory(dataDir) && Files.list(dataDir).findAny().isPresent()) {
                    throw new IllegalArgumentException("The data directory " + dataDir + " is not empty: the harness starts on a fresh one");
                }
                system = new Standalone(options.jar(), dataDir, options.jvmArguments(), options.appArguments());
                seed();
                Progress.show("starting the system on " + dataDir);
                long firstStart = system.start();
                report.figures("firstStart", Map.of("toFirstHttp200Ms", firstStart,
                        "phases", StartupPhases.of(system.log(), system.startedAt())));
                report.row("startup", "first start" + (options.seedApplications() > 0 ? " (seeded store)" : " (empty store)")
                        + " to first HTTP 200", Report.ms(firstStart), null);
            }
            api = new Api(options.startsSystem() ? system.url() : options.url(), options.clients() + 8);
            var rebuilds = new Rebuilds(api, options.adminKey());
            if (options.seedApplications() > 0) {
                Progress.show("waiting for the projections to catch up with the seeded history");
                long begun = System.nanoTime();
                rebuilds.awaitCaughtUp(Duration.ofHours(4));
                double caughtUpMs = (System.nanoTime() - begun) / 1e6;
                long events = eventCount(rebuilds);
                report.figures("seedCatchUp", Map.of("ms", Report.round(caughtUpMs), "events", events,
                        "eventsPerSecond", Report.round(events / (caughtUpMs / 1000))));
                report.row("seed", "projections caught up with the seeded history (" + events + " events) after",
                        Report.ms(caughtUpMs), Report.number(events / (caughtUpMs / 1000)) + " events/s, all three at once");
            }
            if (options.runs("limits")) {
                limits();
            }
            if (options.runs("reads")) {
                reads();
            }
            if (options.runs("commands")) {
                commands();
            }
            if (options.runs("rebuild")) {
                rebuilds(rebuilds);
            }
            if (options.runs("startup") && system != null) {
                restart();
            }
        } finally {
            if (api != null) {
                api.close();
            }
            if (system != null) {
                system.stop();
            }
            if (temporary && dataDir != null) {
                delete(dataDir.getParent());
            }
        }
        System.out.print(report.table());
    }

    private void seed() throws IOException, InterruptedException {
        if (options.seedApplications() <= 0) {
            return;
        }
        Progress.show("seeding " + options.seedApplications() + " applications");
        String summary = system.seed(options.seedApplications());
        report.figures("seed", Map.of("applications", options.seedApplications(), "summary", summary));
        report.row("seed", "history seeded through the event store's API", summary.replaceFirst("^Seeded ", ""), null);
    }

    private void limits() throws Exception {
        String jdbcUrl = options.jdbcUrl() != null ? options.jdbcUrl() : system == null ? null : system.jdbcUrl();
        String mongoUri = options.mongoUri() != null ? options.mongoUri() : system == null ? null : system.mongoUri();
        var limits = new LinkedHashMap<String, Object>();
        if (jdbcUrl != null) {
            postgresLimit = PhysicalLimits.postgres(jdbcUrl, options.clients(), shortWarmup(), options.duration());
            limits.put("postgresInsertCommits", postgresLimit.figures());
            report.row("limits", "PostgreSQL durable single-row INSERT commits, " + options.clients() + " clients",
                    Report.number(postgresLimit.perSecond()) + "/s, p50 " + Report.ms(postgresLimit.latencies().percentileMillis(50))
                            + ", p99 " + Report.ms(postgresLimit.latencies().percentileMillis(99)), "the limit of commands");
        }
        if (mongoUri != null) {
            mongoLimit = PhysicalLimits.mongo(mongoUri, options.clients(), shortWarmup(), options.duration());
            limits.put("mongoIdUpserts", mongoLimit.figures());
            report.row("limits", "MongoDB _id upserts, " + options.clients() + " clients",
                    Report.number(mongoLimit.perSecond()) + "/s, p50 " + Report.ms(mongoLimit.latencies().percentileMillis(50))
                            + ", p99 " + Report.ms(mongoLimit.latencies().percentileMillis(99)), "the limit of projections");
        }
        if (limits.isEmpty()) {
            report.note("No physical limit measured: give --jdbc-url and --mongodb-uri with --url.");
        }
        report.figures("limits", limits);
    }

    private Duration shortWarmup() {
        return options.warmup().compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : options.warmup();
    }

    private void reads() throws Exception {
        var reads = new HistoryReads(api, options);
        Progress.show("reads: each read over the history, one reader at " + options.readsPerSecond() + " reads/s");
        try {
            reads.run(READ_ROUNDS);
        } catch (IllegalStateException noHistory) {
            report.note("Reads over the history skipped: " + noHistory.getMessage());
            return;
        }
        var figures = new LinkedHashMap<String, Object>();
        reads.latencies().forEach((read, latencies) -> {
            figures.put(read, Map.of("latency", latencies.summary(), "refusedByStatus", reads.refusals().get(read)));
            report.row("reads", read + " over the history, p50 / p99 (" + latencies.count() + " reads"
                            + (reads.refusals().get(read).isEmpty() ? "" : ", refused " + reads.refusals().get(read)) + ")",
                    String.format("%s / %s", Report.ms(latencies.percentileMillis(50)), Report.ms(latencies.percentileMillis(99))), null);
        });
        report.figures("readsOverHistory", figures);
    }

    private void commands() throws Exception {
        var targets = Targets.read(api, options.officerKey(), options.agencyKey());
        var cpu = new Cpu(system == null ? OptionalLong.empty() : system.pid(), system == null ? () -> -1 : system::postmasterPid);
        Progress.show(String.format("commands: %d clients, warm-up %ds, measured %ds, over %d services at MPPs", options.clients(),
                options.warmup().toSeconds(), options.duration().toSeconds(), targets.size()));
        CommandLoad.Result result = new CommandLoad(api, targets, options, cpu).run();
        double limit = postgresLimit == null ? Double.NaN : postgresLimit.perSecond();
        var figures = new LinkedHashMap<String, Object>();
        figures.put("clients", options.clients());
        figures.put("commandsPerSecond", Report.round(result.commandsPerSecond()));
        figures.put("lifecyclesPerSecond", Report.round(result.lifecyclesPerSecond()));
        figures.put("latency", result.all().summary());
        var byAction = new LinkedHashMap<String, Object>();
        result.byAction().forEach((action, latencies) -> byAction.put(action, latencies.summary()));
        figures.put("latencyByAction", byAction);
        figures.put("errorsByStatus", result.errorsByStatus());
        figures.put("ratioToPostgresInserts", Report.round(result.commandsPerSecond() / limit * 1000) / 1000);
        figures.put("statusLag", Map.of("latency", result.statusLag().summary(), "timeouts", result.statusLagTimeouts()));
        var lags = new LinkedHashMap<String, Object>();
        result.projectionLags().whileLoaded().forEach((projection, latencies) -> lags.put(projection, Map.of(
                "whileLoaded", latencies.summary(),
                "atEndMs", result.projectionLags().atEndMs().getOrDefault(projection, Double.NaN),
                "catchUpAfterLoadMs", Report.round(result.projectionLags().catchUpMs().getOrDefault(projection, Double.NaN)))));
        figures.put("projectionLag", lags);
        var reads = new LinkedHashMap<String, Object>();
        result.reads().forEach((read, latencies) -> reads.put(read, Map.of("latency", latencies.summary(),
                "refusedByStatus", result.readRefusals().get(read))));
        figures.put("readsWhileLoaded", reads);
        figures.put("cpu", result.cpu());
        report.figures("commands", figures);

        var all = result.all();
        report.row("commands", "commands/s, " + options.clients() + " clients, whole lifecycles",
                Report.number(result.commandsPerSecond()) + "/s", Report.share(result.commandsPerSecond(), limit));
        report.row("commands", "latency p50 / p95 / p99 / max", String.format("%s / %s / %s / %s",
                Report.ms(all.percentileMillis(50)), Report.ms(all.percentileMillis(95)), Report.ms(all.percentileMillis(99)),
                Report.ms(all.maxMillis())), postgresLimit == null ? null : String.format("p50 %.1f× an INSERT's",
                all.percentileMillis(50) / postgresLimit.latencies().percentileMillis(50)));
        report.row("commands", "errors by status", result.errorsByStatus().isEmpty() ? "none" : result.errorsByStatus().toString(), null);
        var usage = result.cpu();
        report.row("commands", "CPU cores: harness / system JVM / PostgreSQL / machine busy", String.format("%.2f / %.2f / %.2f / %.0f%%",
                usage.clientCores(), usage.systemCores(), usage.postgresCores(), 100 * usage.machineBusyShare()),
                String.format("of %d cores", usage.cores()));
        report.row("lag", "application-status: last command's answer to minVersion read, p50 / p99 / max",
                String.format("%s / %s / %s", Report.ms(result.statusLag().percentileMillis(50)),
                        Report.ms(result.statusLag().percentileMillis(99)), Report.ms(result.statusLag().maxMillis()))
                        + (result.statusLagTimeouts() > 0 ? " (" + result.statusLagTimeouts() + " not reached)" : ""), null);
        result.projectionLags().whileLoaded().forEach((projection, latencies) -> report.row("lag",
                projection + ": behind the head while loaded p50 / p99; caught up after the load in",
                String.format("%s / %s; %s", Report.ms(latencies.percentileMillis(50)), Report.ms(latencies.percentileMillis(99)),
                        Report.ms(result.projectionLags().catchUpMs().getOrDefault(projection, Double.NaN))), null));
        result.reads().forEach((read, latencies) -> report.row("reads", read + " while loaded, p50 / p99 (" + latencies.count() + " reads"
                        + (result.readRefusals().get(read).isEmpty() ? "" : ", refused " + result.readRefusals().get(read)) + ")",
                String.format("%s / %s", Report.ms(latencies.percentileMillis(50)), Report.ms(latencies.percentileMillis(99))), null));
    }

    private void rebuilds(Rebuilds rebuilds) throws Exception {
        rebuilds.awaitCaughtUp(Duration.ofMinutes(30));
        Progress.show("rebuild: the dashboards");
        var dashboards = rebuilds.dashboards();
        rebuilds.awaitCaughtUp(Duration.ofMinutes(30));
        Progress.show("rebuild: replay of the status projection");
        var status = rebuilds.statusReplay(eventCount(rebuilds));
        double limit = mongoLimit == null ? Double.NaN : mongoLimit.perSecond();
        report.figures("rebuild", Map.of("dashboards", dashboards.figures(), "applicationStatus", status.figures()));
        for (var rebuild : new Rebuilds.Rebuild[]{dashboards, status}) {
            report.row("rebuild", rebuild.name() + ": events/s (" + rebuild.events() + " events in " + Report.number(rebuild.seconds()) + " s)",
                    Report.number(rebuild.eventsPerSecond()) + "/s", limit > 0 ? String.format("%.2f× MongoDB upserts/s", rebuild.eventsPerSecond() / limit) : null);
        }
    }

    /** The events in the store: counted where the database is reachable, else the head's position (gaps aside). */
    private long eventCount(Rebuilds rebuilds) throws Exception {
        String jdbcUrl = options.jdbcUrl() != null ? options.jdbcUrl() : system == null ? null : system.jdbcUrl();
        if (jdbcUrl != null) {
            try (var connection = DriverManager.getConnection(jdbcUrl);
                 var count = connection.createStatement().executeQuery("select count(*) from DomainEventEntry")) {
                count.next();
                return count.getLong(1);
            }
        }
        return rebuilds.headPosition() + 1;
    }

    private void restart() throws Exception {
        Progress.show("startup: stopping and starting the system again on its data directory");
        system.stop();
        long restart = system.start();
        var phases = StartupPhases.of(system.log(), system.startedAt());
        report.figures("restart", Map.of("toFirstHttp200Ms", restart, "phases", phases));
        report.row("startup", "restart on the existing data directory to first HTTP 200", Report.ms(restart), null);
        report.row("startup", "restart: seconds after the process began to first log line, event store, read models, web server, context",
                String.join(" / ", phases.values().stream().map(ms -> String.format("%.1f", ((Number) ms).longValue() / 1000.0)).toList()), null);
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

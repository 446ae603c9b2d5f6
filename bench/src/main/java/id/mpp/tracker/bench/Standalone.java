package id.mpp.tracker.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system under test, started as an operator starts it: {@code java -jar standalone.jar} with the demo callers on
 * a data directory of the harness's own, each start logging to a file of its own beside that directory.
 */
final class Standalone implements AutoCloseable {

    private static final Pattern MONGO_PORT = Pattern.compile("embedded MongoDB-compatible server on port (\\d+)");

    private final Path jar;
    private final Path dataDir;
    private final List<String> jvmArguments;
    private final List<String> appArguments;
    private final int port;
    private Process process;
    private Path log;
    private int starts;
    private java.time.Instant startedAt;

    Standalone(Path jar, Path dataDir, List<String> jvmArguments, List<String> appArguments) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No system to start at " + jar
                    + ": build it first (mvn -B -q -DskipTests package) or give --jar or --url");
        }
        this.jar = jar;
        this.dataDir = dataDir;
        this.jvmArguments = List.copyOf(jvmArguments);
        this.appArguments = List.copyOf(appArguments);
        try (var socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Runs the system's history seeder on the (empty) data directory and returns its summary line. */
    String seed(int applications) throws IOException, InterruptedException {
        Path seedLog = dataDir.resolveSibling(dataDir.getFileName() + "-seed.log");
        Process seeder = new ProcessBuilder(command("--mpp.seed.applications=" + applications))
                .redirectErrorStream(true).redirectOutput(seedLog.toFile()).start();
        String summary = null;
        long lastShown = 0;
        while (seeder.isAlive() || summary == null) {
            seeder.waitFor(1, TimeUnit.SECONDS);
            List<String> lines = Files.readAllLines(seedLog);
            for (String line : lines) {
                if (line.contains("Seeded ") && line.contains(" events/s")) {
                    summary = line.substring(line.indexOf("Seeded "));
                }
            }
            if (System.nanoTime() - lastShown > 5e9 && !lines.isEmpty()) {
                Progress.show("seed: " + lines.get(lines.size() - 1).replaceAll("^.*?\\]\\s*", ""));
                lastShown = System.nanoTime();
            }
            if (!seeder.isAlive()) {
                break;
            }
        }
        if (seeder.exitValue() != 0 || summary == null) {
            throw new IllegalStateException("The seeder failed (exit " + seeder.exitValue() + "); see " + seedLog);
        }
        return summary;
    }

    /**
     * Starts the system and waits for its first HTTP 200.
     *
     * @return milliseconds from the start of the process to that answer
     */
    long start(String... settings) throws IOException, InterruptedException {
        starts++;
        log = dataDir.resolveSibling(dataDir.getFileName() + "-" + starts + ".log");
        long started = System.nanoTime();
        startedAt = java.time.Instant.now();
        process = new ProcessBuilder(command(settings)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = started + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The system stopped while starting (exit " + process.exitValue() + "); see " + log);
            }
            if (answers200()) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The system did not answer within 10 minutes; see " + log);
    }

    private List<String> command(String... settings) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<String>();
        command.add(java);
        command.addAll(jvmArguments);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--spring.profiles.active=demo", "--spring.main.banner-mode=off",
                "--mpp.storage.data-dir=" + dataDir.toAbsolutePath()));
        command.addAll(appArguments);
        command.addAll(List.of(settings));
        return command;
    }

    private boolean answers200() {
        try {
            var connection = (HttpURLConnection) URI.create(url() + "/actuator/health/liveness").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** A graceful stop (SIGTERM), as an orchestrator does. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    OptionalLong pid() {
        return process != null && process.isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    Path log() {
        return log;
    }

    java.time.Instant startedAt() {
        return startedAt;
    }

    /** The event store's PostgreSQL, from its pid file: pid on the first line, port on the fourth. */
    long postmasterPid() {
        List<String> lines = postmasterFile();
        return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
    }

    String jdbcUrl() {
        List<String> lines = postmasterFile();
        if (lines.size() < 4) {
            throw new IllegalStateException("The system's PostgreSQL is not running");
        }
        return "jdbc:postgresql://127.0.0.1:" + lines.get(3).trim() + "/postgres?user=postgres&password=postgres";
    }

    String mongoUri() throws IOException {
        Matcher port = MONGO_PORT.matcher(Files.readString(log));
        if (!port.find()) {
            throw new IllegalStateException("The system's log does not say where its read models are: " + log);
        }
        return "mongodb://127.0.0.1:" + port.group(1);
    }

    private List<String> postmasterFile() {
        try {
            return Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        } catch (IOException e) {
            return List.of();
        }
    }
}

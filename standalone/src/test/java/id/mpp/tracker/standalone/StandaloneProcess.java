package id.mpp.tracker.standalone;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the project's applications run as a separate JVM on the test class path with the test profile, the way an
 * operator runs it: {@code standalone} on a data directory, or the command or query side on shared stores.
 */
final class StandaloneProcess {

    private final String mainClass;
    private final List<String> arguments;
    private final int port;
    private final Path log;
    private Process process;

    /** {@code standalone} on a data directory. */
    /** An empty log file under target/, where a process test's child writes. */
    static Path freshLog(String name) throws IOException {
        Path log = Files.createDirectories(Path.of("target")).resolve(name);
        Files.deleteIfExists(log);
        return log;
    }

    StandaloneProcess(Path dataDir, Path log) throws IOException {
        this(StandaloneApplication.class, List.of("--mpp.storage.data-dir=" + dataDir), log);
    }

    StandaloneProcess(Class<?> application, List<String> arguments, Path log) throws IOException {
        this.mainClass = application.getName();
        this.arguments = List.copyOf(arguments);
        this.log = log;
        try (var socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /** Starts the application, with {@code settings} ("--name=value") on top of its arguments and the test profile. */
    StandaloneProcess start(String... settings) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass,
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--spring.profiles.active=test"));
        command.addAll(arguments);
        command.addAll(List.of(settings));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitHealthy(Duration.ofSeconds(180));
        return this;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** The event store's port, as the last start logged it. */
    int postgresPort() throws IOException {
        Matcher matcher = Pattern.compile("PostgreSQL on port (\\d+)").matcher(log());
        int found = -1;
        while (matcher.find()) {
            found = Integer.parseInt(matcher.group(1));
        }
        return found;
    }

    /** Events in the event store matching the SQL condition on DomainEventEntry, with its parameters. */
    long storedEvents(String condition, Object... parameters) throws IOException, SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + postgresPort() + "/postgres";
        try (var connection = DriverManager.getConnection(url, "postgres", "postgres");
             var statement = connection.prepareStatement("select count(*) from DomainEventEntry where " + condition)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        var client = HttpClient.newHttpClient();
        var health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("standalone exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("standalone not healthy within " + timeout + ":\n" + log());
    }
}

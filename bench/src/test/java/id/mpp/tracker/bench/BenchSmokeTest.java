package id.mpp.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness run once, briefly, the way its documented command runs it: it starts the system, runs every scenario
 * and writes its reports. Only that it ran and produced figures is asserted, never how fast anything was.
 */
class BenchSmokeTest {

    @TempDir
    Path results;

    @Test
    void aShortRunMeasuresEveryScenarioAndReportsItsFigures() throws Exception {
        String[] arguments = {"--jar=" + System.getProperty("standalone.jar"), "--clients=2", "--warmup=1s",
                "--duration=3s", "--reads-per-second=8", "--results=" + results};

        Path markdown = Bench.measure(Options.parse(arguments), arguments);

        JsonNode figures = Api.JSON.readTree(markdown.resolveSibling(markdown.getFileName().toString().replace(".md", ".json")).toFile());
        assertThat(figures.at("/firstStart/toFirstHttp200Ms").asLong()).isPositive();
        assertThat(figures.at("/limits/postgresInsertCommits/count").asLong()).isPositive();
        assertThat(figures.at("/limits/mongoIdUpserts/count").asLong()).isPositive();
        assertThat(figures.at("/commands/latency/count").asLong()).isPositive();
        assertThat(figures.at("/commands/errorsByStatus").size()).isZero();
        assertThat(figures.at("/commands/projectionLag").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("application-status", "dashboards", "due-dates");
        assertThat(figures.at("/rebuild/dashboards/events").asLong()).isPositive();
        assertThat(figures.at("/rebuild/applicationStatus/events").asLong()).isPositive();
        assertThat(figures.at("/restart/toFirstHttp200Ms").asLong()).isPositive();
        assertThat(Files.readString(markdown)).contains("commands/s", "PostgreSQL durable single-row INSERT commits");
    }
}

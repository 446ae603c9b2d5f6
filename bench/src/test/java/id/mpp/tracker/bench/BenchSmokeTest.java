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

    @Test
    void aGrowthRunSeedsEachSizeAndReportsHowTheReadsAndRebuildsGrow() throws Exception {
        String[] arguments = {"--jar=" + System.getProperty("standalone.jar"), "--growth=300", "--scenarios=reads,rebuild",
                "--reads-per-second=200", "--results=" + results};
        Options options = Options.parse(arguments);

        Path markdown = Growth.measure(options, String.join(" ", arguments));

        JsonNode run = Api.JSON.readTree(markdown.resolveSibling(markdown.getFileName().toString().replace(".md", ".json")).toFile())
                .at("/growth/300");
        assertThat(run.at("/seedCatchUp/events").asLong()).isGreaterThan(300);
        for (String read : HistoryReads.READS) {
            assertThat(run.at("/readsOverHistory/" + read + "/latency/count").asLong()).as(read).isPositive();
            assertThat(run.at("/readsOverHistory/" + read + "/refusedByStatus").size()).as(read).isZero();
        }
        assertThat(run.at("/rebuild/dashboards/eventsPerSecond").asDouble()).isPositive();
        assertThat(Files.readString(markdown)).contains("| dashboards rebuild, events/s |", "300 applications", "p99 of each read");
    }
}

package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import id.mpp.tracker.command.CommandSideApplication;
import id.mpp.tracker.query.QuerySideApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production shape: a command side and two query-side processes on one event store (PostgreSQL) and one
 * MongoDB. The projections run in two segments, one per query-side process, and the read models they build
 * together are whole.
 */
class SharedProjectionsTest {

    private static final int PER_SEGMENT = 4;

    private final List<StandaloneProcess> processes = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private MongoServer mongo;

    @AfterEach
    void stopAll() throws Exception {
        for (StandaloneProcess process : processes) {
            process.stop();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoQuerySideProcessesShareTheSegmentsOfEachProjection() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        mongo = new MongoServer(new MemoryBackend());
        String mongoUri = mongo.bindAndGetConnectionString() + "/mpp";
        List<String> stores = List.of(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.data.mongodb.uri=" + mongoUri);
        var commandSide = process(CommandSideApplication.class, stores, StandaloneProcess.freshLog("shared-command-side.log"));
        var querySides = List.of(
                process(QuerySideApplication.class, stores, StandaloneProcess.freshLog("shared-query-side-1.log")),
                process(QuerySideApplication.class, stores, StandaloneProcess.freshLog("shared-query-side-2.log")));
        String[] twoSegmentsOneEach = {"--mpp.projections.segments=2", "--mpp.projections.threads=1"};
        CompletableFuture.allOf(
                start(commandSide), start(querySides.get(0), twoSegmentsOneEach), start(querySides.get(1), twoSegmentsOneEach)).join();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String projection : List.of("application-status", "dashboards")) {
                Set<Integer> claimed = new HashSet<>();
                for (StandaloneProcess querySide : querySides) {
                    List<Integer> segments = segmentsOf(api(querySide), projection);
                    assertThat(segments).as(projection + " on one process").hasSize(1);
                    claimed.addAll(segments);
                }
                assertThat(claimed).as(projection + " over both processes").containsExactlyInAnyOrder(0, 1);
            }
        });

        // applications until each segment has its share (a segment takes the ids whose hash has its low bit)
        Api commands = api(commandSide);
        int[] perSegment = new int[2];
        int applications = 0;
        while (Math.min(perSegment[0], perSegment[1]) < PER_SEGMENT) {
            var submitted = commands.submit();
            assertThat(submitted.status()).isEqualTo(201);
            String id = submitted.text("applicationId");
            assertThat(commands.act(id, "verify").status()).isEqualTo(200);
            perSegment[id.hashCode() & 1]++;
            applications++;
        }
        long submitted = applications;

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (StandaloneProcess querySide : querySides) {
                JsonNode national = api(querySide).as("viewer").get(Api.BASE + "/dashboards/national").body();
                assertThat(national.at("/totals/submitted").asLong()).isEqualTo(submitted);
                assertThat(national.at("/backlog/byStatus/ROUTED").asLong()).isEqualTo(submitted);
                assertThat(api(querySide).projectionLag("application-status")).isZero();
            }
        });
        var applied = querySides.stream()
                .map(querySide -> api(querySide).metricTotal("mpp_projection_events_total")).toList();
        assertThat(applied).as("each process projected a part").allSatisfy(count -> assertThat(count).isPositive());
        assertThat(applied.stream().mapToDouble(Double::doubleValue).sum()).as("three events per application, once each")
                .isEqualTo(submitted * 3.0);
    }

    private StandaloneProcess process(Class<?> application, List<String> stores, Path log) throws Exception {
        Files.deleteIfExists(log);
        var process = new StandaloneProcess(application, stores, log);
        processes.add(process);
        return process;
    }

    private static CompletableFuture<Void> start(StandaloneProcess process, String... settings) {
        return CompletableFuture.runAsync(() -> {
            try {
                process.start(settings);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<Integer> segmentsOf(Api api, String projection) {
        for (JsonNode processor : api.as("admin").get(Api.BASE + "/admin/projections").body()) {
            if (processor.path("name").asText().equals(projection)) {
                var segments = new ArrayList<Integer>();
                processor.path("segments").forEach(segment -> segments.add(segment.path("segment").asInt()));
                return segments;
            }
        }
        return List.of();
    }


    private static Api api(StandaloneProcess process) {
        return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri(process.baseUrl())));
    }
}

package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dashboards over HTTP: figures that follow the commands, who may see what, bad periods, and the live stream. */
@StandaloneTest
class DashboardApiTest extends ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SURABAYA = Api.BASE + "/dashboards/mpps/KOTA-SURABAYA";

    @LocalServerPort
    int port;

    @Test
    void anMppDashboardFollowsWhatHappensAtTheMpp() {
        JsonNode before = api.as("viewer").get(SURABAYA).body();

        var submitted = api.submit();
        String id = submitted.text("applicationId");
        api.act(id, "verify");
        api.act(id, "start-processing");
        var completed = api.act(id, "complete", Map.of("outputReference", "KTP-EL/3578/2026/7777"));
        assertThat(completed.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode after = api.as("viewer").get(SURABAYA).body();
            assertThat(after.at("/totals/submitted").asLong()).isEqualTo(before.at("/totals/submitted").asLong() + 1);
            assertThat(after.at("/totals/completed").asLong()).isEqualTo(before.at("/totals/completed").asLong() + 1);
            assertThat(after.at("/totals/visits").asLong()).isEqualTo(before.at("/totals/visits").asLong() + 1);
            assertThat(after.at("/leadTime/decisions").asLong()).isEqualTo(before.at("/leadTime/decisions").asLong() + 1);
        });
        JsonNode after = api.as("viewer").get(SURABAYA).body();
        assertThat(after.path("title").asText()).isEqualTo("MPP Siola Kota Surabaya");
        assertThat(after.at("/period/days").asInt()).isEqualTo(30);
        assertThat(after.path("series")).hasSize(30);
        assertThat(after.at("/backlog/byStatus/IN_PROCESS").isNumber()).isTrue();
        assertThat(after.toString()).doesNotContain("3578014101900001").doesNotContain("Siti");
    }

    @Test
    void theNationalDashboardRanksTheWeeksVisits() {
        api.submit();

        JsonNode national = api.as("viewer").get(Api.BASE + "/dashboards/national").body();

        assertThat(national.path("scope").asText()).isEqualTo("national");
        assertThat(national.at("/weekVisits/highest")).isNotEmpty();
        assertThat(national.at("/weekVisits/lowest")).hasSize(3);
    }

    @ParameterizedTest(name = "{0} on {1} → {2}")
    @CsvSource({
            "officer-surabaya, /dashboards/mpps/KOTA-SURABAYA, 200",
            "officer-surabaya, /dashboards/mpps/KOTA-SURABAYA?agencyCode=DUKCAPIL, 200",
            "officer-surabaya, /dashboards/mpps/KOTA-MANADO, 403",
            "officer-surabaya, /dashboards/agencies/DUKCAPIL, 403",
            "officer-surabaya, /dashboards/national, 200",
            "agency-dukcapil, /dashboards/agencies/DUKCAPIL, 200",
            "agency-dukcapil, /dashboards/mpps/KOTA-SURABAYA?agencyCode=DUKCAPIL, 200",
            "agency-dukcapil, /dashboards/mpps/KOTA-SURABAYA, 403",
            "agency-dukcapil, /dashboards/agencies/DPMPTSP, 403",
            "portal, /dashboards/national, 403",
            "viewer, /dashboards/agencies/DPMPTSP, 200",
            "auditor, /dashboards/mpps/KOTA-MANADO, 200",
            "admin, /dashboards/national, 200",
    })
    void eachCallerSeesItsOwnDashboards(String caller, String path, int status) {
        var reply = api.as(caller).get(Api.BASE + path);

        assertThat(reply.status()).isEqualTo(status);
        if (status != 200) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/dashboards/mpps/KOTA-ATLANTIS, 404",
            "/dashboards/agencies/KEMENTERIAN-SIHIR, 404",
            "/dashboards/national?from=2026-03-10&to=2026-03-01, 400",
            "/dashboards/national?from=2024-01-01&to=2026-03-01, 400",
            "/dashboards/national?from=yesterday, 400",
    })
    void badScopesAndPeriodsAreRefused(String path, int status) {
        var reply = api.as("viewer").get(Api.BASE + path);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anonymousCallersSeeNoDashboard() {
        assertThat(api.anonymous().get(Api.BASE + "/dashboards/national").status()).isEqualTo(401);
    }

    @Test
    void theStreamPushesTheDashboardAgainWhenItsFiguresChange() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SURABAYA + "/stream"))
                .header("X-Api-Key", Api.keyOf("viewer")).header("Accept", "text/event-stream").build();
        BlockingQueue<JsonNode> pushed = new LinkedBlockingQueue<>();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> readEvents(response.body(), pushed), "dashboard-stream-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            JsonNode first = pushed.poll(10, TimeUnit.SECONDS);
            assertThat(first).as("the dashboard as it is now").isNotNull();
            long submittedBefore = first.at("/totals/submitted").asLong();

            assertThat(api.submit().status()).isEqualTo(201);

            JsonNode pushedAfter = null;
            for (long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos(); System.nanoTime() < deadline; ) {
                JsonNode next = pushed.poll(1, TimeUnit.SECONDS);
                if (next != null && next.at("/totals/submitted").asLong() > submittedBefore) {
                    pushedAfter = next;
                    break;
                }
            }
            assertThat(pushedAfter).as("pushed without asking again").isNotNull();
            assertThat(pushedAfter.at("/totals/submitted").asLong()).isEqualTo(submittedBefore + 1);
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }

    private static void readEvents(InputStream body, BlockingQueue<JsonNode> pushed) {
        try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    pushed.add(JSON.readTree(line.substring("data:".length())));
                }
            }
        } catch (Exception closed) {
            // the test closed the stream
        }
    }
}

package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpHeaders;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 the standalone process and start it again: every accepted application is still there, in the
 * event store and in the read models, and projections resume where they were instead of replaying from zero.
 */
class CrashRecoveryTest {

    /** Action scripts that leave applications in different statuses. */
    private static final List<List<String>> SCRIPTS = List.of(
            List.of(),
            List.of("verify"),
            List.of("verify", "start-processing"),
            List.of("verify", "start-processing", "complete"),
            List.of("verify", "start-processing", "complete", "collect"),
            List.of("withdraw"));

    @TempDir
    Path dataDir;

    StandaloneProcess standalone;

    @AfterEach
    void stop() throws InterruptedException {
        if (standalone != null) {
            standalone.stop();
        }
    }

    @Test
    void everyAcceptedApplicationSurvivesKillNineAndProcessingResumesWhereItStopped() throws Exception {
        Path log = StandaloneProcess.freshLog("crash-recovery-standalone.log");
        standalone = new StandaloneProcess(dataDir, log).start();
        Api api = api();
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            accepted.add(lifeOf(api, SCRIPTS.get(i % SCRIPTS.size())));
        }
        accepted.forEach(application -> api.view(application.id(), application.version()));
        long eventsAccepted = accepted.stream().mapToLong(application -> application.version() + 1).sum();
        // the read models' store commits about once a second: let it, so that resuming can be told from replaying
        Thread.sleep(2500);

        standalone.kill();
        standalone.start();

        assertThat(standalone.log()).contains("still holds");
        assertThat(storedEvents()).isEqualTo(eventsAccepted);
        Api restarted = api();
        for (Accepted application : accepted) {
            JsonNode view = restarted.view(application.id(), application.version());
            assertThat(view.path("status").asText()).isEqualTo(application.status());
            assertThat(view.path("version").asLong()).isEqualTo(application.version());
            assertThat(view.path("history")).as("one history entry per event, none doubled").hasSize((int) application.version() + 1);
        }
        assertThat((long) restarted.metricTotal("mpp_projection_events_total")).as("events projected again after the restart").isLessThan(eventsAccepted);

        Accepted routed = accepted.get(1);
        var headers = new HttpHeaders();
        headers.setIfMatch("\"" + routed.version() + "\"");
        var next = restarted.act(routed.id(), "start-processing", null, headers);
        assertThat(next.status()).isEqualTo(200);
        assertThat(restarted.view(routed.id(), routed.version() + 1).path("status").asText()).isEqualTo("IN_PROCESS");
        assertThat(storedEvents()).isEqualTo(eventsAccepted + 1);
    }

    private Accepted lifeOf(Api api, List<String> script) {
        var reply = api.submit();
        assertThat(reply.status()).isEqualTo(201);
        for (String action : script) {
            var body = action.equals("withdraw") ? Map.of("reason", "Tidak jadi") : null;
            reply = api.act(reply.text("applicationId"), action, body);
            assertThat(reply.status()).as(action + ": " + reply.body()).isEqualTo(200);
        }
        return new Accepted(reply.text("applicationId"), reply.text("status"), reply.version());
    }

    private Api api() {
        return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri(standalone.baseUrl())));
    }

    private long storedEvents() throws Exception {
        return standalone.storedEvents("true");
    }

    private record Accepted(String id, String status, long version) {
    }
}

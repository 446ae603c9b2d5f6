package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The history of one application for auditors: every event in order, who acted and how, no readable personal data. */
@StandaloneTest
class AuditHistoryTest extends ApiTestBase {

    @Test
    void anAuditorReadsEveryEventInOrderWithWhoActedAndTheRequestThatCausedIt() {
        var submitted = api.submit();
        String id = submitted.text("applicationId");
        var headers = new HttpHeaders();
        headers.set("X-Request-Id", "audit-trail-check-1");
        api.act(id, "verify", null, headers);
        api.act(id, "start-processing");
        var completed = api.act(id, "complete", Map.of("outputReference", "KTP-EL/3578/2026/0099"));

        var reply = api.as("auditor").get(Api.BASE + "/audit/applications/" + id + "/events");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode events = reply.body().path("events");
        assertThat(events).hasSize((int) completed.version() + 1);
        assertThat(types(events)).containsExactly("ApplicationSubmitted", "ApplicationVerified", "ApplicationRouted",
                "ProcessingStarted", "ApplicationCompleted");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).path("sequenceNumber").asLong()).isEqualTo(i);
            assertThat(events.get(i).path("timestamp").asText()).isNotBlank();
            assertThat(events.get(i).at("/metadata/correlationId").asText()).isNotBlank();
        }
        assertThat(events.get(0).at("/metadata/principal").asText()).isEqualTo("officer-surabaya");
        assertThat(events.get(0).at("/metadata/role").asText()).isEqualTo("MPP_OFFICER");
        assertThat(events.get(0).at("/metadata/channel").asText()).isEqualTo("COUNTER");
        assertThat(events.get(1).at("/metadata/requestId").asText()).isEqualTo("audit-trail-check-1");
        assertThat(events.get(2).at("/metadata/causationId").asText())
                .as("routed because of the same command as the verification")
                .isEqualTo(events.get(1).at("/metadata/causationId").asText());
        assertThat(events.get(3).at("/metadata/principal").asText()).isEqualTo("agency-dukcapil");
        assertThat(events.get(1).at("/payload/due/lastDay").asText()).isNotBlank();

        JsonNode applicant = events.get(0).at("/payload/applicant");
        assertThat(applicant.path("sealed").asBoolean()).isTrue();
        assertThat(applicant.has("ciphertext")).isFalse();
        assertThat(reply.body().toString()).doesNotContain("3578014101900001").doesNotContain("Siti Rahayu");
    }

    @Test
    void theHistoryIsPagedAndUnknownApplicationsAreNotFound() {
        var submitted = api.submit();
        String id = submitted.text("applicationId");
        api.act(id, "verify");

        var second = api.as("admin").get(Api.BASE + "/audit/applications/" + id + "/events?page=1&size=2");
        assertThat(second.status()).isEqualTo(200);
        assertThat(types(second.body().path("events"))).containsExactly("ApplicationRouted");

        assertThat(api.as("auditor").get(Api.BASE + "/audit/applications/7d0c1b5e-9f1a-4e5b-8c3d-2a6f4e8b9c01/events").status())
                .isEqualTo(404);
        assertThat(api.as("auditor").get(Api.BASE + "/audit/applications/not-a-uuid/events").status()).isEqualTo(400);
        assertThat(api.as("auditor").get(Api.BASE + "/audit/applications/" + id + "/events?size=0").status()).isEqualTo(400);
    }

    @Test
    void onlyAuditorsAndAdministratorsReadTheHistory() {
        String id = api.submit().text("applicationId");

        for (String caller : List.of("officer-surabaya", "agency-dukcapil", "portal", "viewer")) {
            var reply = api.as(caller).get(Api.BASE + "/audit/applications/" + id + "/events");
            assertThat(reply.status()).as(caller).isEqualTo(403);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.anonymous().get(Api.BASE + "/audit/applications/" + id + "/events").status()).isEqualTo(401);
    }

    private static List<String> types(JsonNode events) {
        return StreamSupport.stream(events.spliterator(), false).map(event -> event.path("type").asText()).toList();
    }
}

package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@StandaloneTest
class ApplicationLifecycleTest extends ApiTestBase {

    @Autowired
    JdbcTemplate eventStore;

    @Test
    void submissionAnswersWithItsReceiptWhereToReadItAndItsVersion() {
        var reply = api.submit();

        assertThat(reply.status()).isEqualTo(201);
        String id = reply.text("applicationId");
        assertThat(reply.headers().getLocation()).hasToString("/api/v1/applications/" + id);
        assertThat(reply.headers().getETag()).isEqualTo("\"0\"");
        assertThat(reply.text("status")).isEqualTo("SUBMITTED");
        assertThat(reply.version()).isZero();
        assertThat(reply.text("trackingNumber")).hasSize(10);
        assertThat(reply.headers().getFirst("X-Request-Id")).isNotBlank();
    }

    @Test
    void anApplicationLivesItsWholeLifeThroughTheApi() {
        String id = api.submit().text("applicationId");

        step(id, "return-for-correction", Map.of("reason", "Pas foto kurang", "missingDocuments", List.of("Pas foto")), "RETURNED_FOR_CORRECTION", 1);
        step(id, "resubmit", Map.of("note", "Pas foto dilampirkan"), "SUBMITTED", 2);
        step(id, "verify", null, "ROUTED", 4);
        step(id, "reroute", Map.of("toAgencyCode", "DPMPTSP", "reason", "Salah loket"), "ROUTED", 5);
        step(id, "reroute", Map.of("toAgencyCode", "DUKCAPIL", "reason", "Kembali ke Dukcapil"), "ROUTED", 6);
        step(id, "start-processing", null, "IN_PROCESS", 7);
        step(id, "request-documents", Map.of("documents", List.of("Surat pengantar RT/RW")), "AWAITING_DOCUMENTS", 8);
        step(id, "provide-documents", Map.of("documents", List.of("Surat pengantar RT/RW")), "IN_PROCESS", 9);
        step(id, "complete", Map.of("outputReference", "KTP-EL/2026/000123"), "COMPLETED", 10);
        step(id, "collect", null, "COLLECTED", 11);
        step(id, "rate", Map.of("score", 4, "comment", "Cepat dan ramah"), "COLLECTED", 12);

        JsonNode view = api.view(id, 12);
        assertThat(view.path("status").asText()).isEqualTo("COLLECTED");
        assertThat(view.path("agencyCode").asText()).isEqualTo("DUKCAPIL");
        assertThat(view.path("outputReference").asText()).isEqualTo("KTP-EL/2026/000123");
        assertThat(view.path("rating").path("score").asInt()).isEqualTo(4);
        assertThat(view.path("decidedAt").asText()).isNotBlank();
        assertThat(view.path("history")).hasSize(13);
        assertThat(view.path("history").get(4).path("event").asText()).isEqualTo("ApplicationRouted");
    }

    @Test
    void anAgencyRejectsWithItsReason() {
        String id = api.submit().text("applicationId");
        step(id, "verify", null, "ROUTED", 2);
        step(id, "start-processing", null, "IN_PROCESS", 3);
        step(id, "reject", Map.of("reason", "Data tidak sesuai dengan Kartu Keluarga"), "REJECTED", 4);
        step(id, "rate", Map.of("score", 2), "REJECTED", 5);

        JsonNode view = api.view(id, 5);
        assertThat(view.path("lastReason").asText()).isEqualTo("Data tidak sesuai dengan Kartu Keluarga");
    }

    @Test
    void aCitizenWithdrawsBeforeTheDecision() {
        String id = api.submit().text("applicationId");
        step(id, "verify", null, "ROUTED", 2);
        step(id, "withdraw", Map.of("reason", "Tidak jadi"), "WITHDRAWN", 3);

        assertThat(api.act(id, "start-processing").status()).isEqualTo(409);
    }

    @Test
    void aCitizenTracksTheApplicationByNumberAndSeesNoPersonalData() {
        var receipt = api.submit();
        String number = receipt.text("trackingNumber");
        api.view(receipt.text("applicationId"), 0);

        String typed = number.substring(0, 5).toLowerCase() + "-" + number.substring(5);
        var reply = api.get(Api.BASE + "/track/" + typed);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("status")).isEqualTo("SUBMITTED");
        assertThat(reply.text("mppName")).contains("Surabaya");
        assertThat(reply.text("serviceName")).isNotBlank();
        assertThat(reply.body().toString()).doesNotContain("3578014101900001", "Siti", "nik");
    }

    @Test
    void listsAreFilteredPagedNewestFirstAndCarryNoPersonalData() {
        String first = api.submit("KOTA-MANADO", "DUKCAPIL-KK", "ONLINE", "7171015507950003", "Grace Tumbelaka").text("applicationId");
        String second = api.submit("KOTA-MANADO", "DUKCAPIL-KK", "COUNTER", "7171011203880002", "Johny Lumenta").text("applicationId");
        api.view(first, 0);
        api.view(second, 0);

        var reply = api.get(Api.BASE + "/applications?mppCode=KOTA-MANADO&serviceCode=DUKCAPIL-KK&status=SUBMITTED&size=1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(reply.body().path("content")).hasSize(1);
        assertThat(reply.body().path("content").get(0).path("applicationId").asText()).isEqualTo(second);
        assertThat(reply.body().toString()).doesNotContain("7171011203880002", "Johny");
    }

    @Test
    void everyEventCarriesTheRequestChannelPrincipalAndItsCausation() throws IOException {
        var headers = new HttpHeaders();
        headers.set("X-Request-Id", "req-lifecycle-42");
        var receipt = api.as("portal").post(Api.BASE + "/applications", Map.of("mppCode", "KOTA-SURABAYA",
                "serviceCode", "DUKCAPIL-KTP-EL", "channel", "ONLINE",
                "applicant", Map.of("nik", "3578014101900001", "name", "Siti Rahayu")), headers);
        assertThat(receipt.headers().getFirst("X-Request-Id")).isEqualTo("req-lifecycle-42");
        String id = receipt.text("applicationId");
        api.act(id, "verify");

        List<JsonNode> metaData = eventStore.queryForList(
                        "select metaData from DomainEventEntry where aggregateIdentifier = ? order by sequenceNumber", byte[].class, id)
                .stream().map(ApplicationLifecycleTest::json).toList();

        assertThat(metaData).hasSize(3);
        JsonNode submitted = metaData.get(0);
        assertThat(submitted.path("requestId").asText()).isEqualTo("req-lifecycle-42");
        assertThat(submitted.path("channel").asText()).isEqualTo("ONLINE");
        assertThat(submitted.path("principal").asText()).isNotBlank();
        assertThat(submitted.path("correlationId").asText()).isNotBlank();
        assertThat(submitted.path("causationId").asText()).isNotBlank();
        JsonNode verified = metaData.get(1);
        JsonNode routed = metaData.get(2);
        assertThat(verified.path("channel").asText()).isEqualTo("BACK_OFFICE");
        assertThat(verified.path("causationId").asText()).as("both caused by the one verify command")
                .isEqualTo(routed.path("causationId").asText())
                .isNotEqualTo(submitted.path("causationId").asText());
    }

    private void step(String id, String action, Object body, String expectedStatus, long expectedVersion) {
        var reply = api.act(id, action, body);
        assertThat(reply.status()).as(action + ": " + reply.body()).isEqualTo(200);
        assertThat(reply.text("status")).isEqualTo(expectedStatus);
        assertThat(reply.version()).isEqualTo(expectedVersion);
        assertThat(reply.headers().getETag()).isEqualTo("\"" + expectedVersion + "\"");
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

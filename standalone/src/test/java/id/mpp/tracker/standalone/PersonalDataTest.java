package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import id.mpp.tracker.query.application.ApplicationProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Personal data: sealed in the event store, erasable by crypto-shredding, and every read of it logged. */
@StandaloneTest
class PersonalDataTest extends ApiTestBase {

    private static final String ERASED_NIK = "3578016512880003";
    private static final String ERASED_NAME = "Ratna Kusumawati";
    private static final String KEPT_NIK = "3578011708790005";

    @Autowired
    JdbcTemplate eventStore;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theEventStoreHoldsNoPersonalDataInPlainText() {
        String id = api.submit("KOTA-SURABAYA", "DUKCAPIL-KK", "COUNTER", "3578010203040005", "Bambang Priyono").text("applicationId");

        String stored = eventStore.queryForList("select payload from DomainEventEntry where aggregateIdentifier = ?", byte[].class, id)
                .stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).reduce("", String::concat);

        assertThat(stored).contains("dataSubjectId", "ciphertext").doesNotContain("3578010203040005", "Bambang");
    }

    @Test
    void erasureScrubsEveryApplicationOfThePersonAndStaysScrubbedAfterARebuild() {
        String first = submitFor(ERASED_NIK, ERASED_NAME);
        String second = submitFor(ERASED_NIK, ERASED_NAME);
        String other = submitFor(KEPT_NIK, "Agus Salim");

        var erasure = api.as("admin").post(Api.BASE + "/data-subjects/" + ERASED_NIK + "/erasure", Map.of("reason", "Permintaan subjek data"));

        assertThat(erasure.status()).as(erasure.body().toString()).isEqualTo(200);
        assertThat(erasure.body().path("erased").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertErased(first);
            assertErased(second);
        });
        assertThat(api.view(other, 0).path("applicant").path("nik").asText()).isEqualTo(KEPT_NIK);
        assertThat(api.get(Api.BASE + "/track/" + api.view(first, 0).path("trackingNumber").asText()).status()).isEqualTo(200);

        rebuildReadModels();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertErased(first);
            assertThat(api.view(other, 0).path("applicant").path("name").asText()).isEqualTo("Agus Salim");
        });
    }

    @Test
    void erasureIsRecordedOnlyByTheDataProtectionOfficerAndOnlyWhileThereIsDataToErase() {
        String nik = "3578014506920007";
        submitFor(nik, "Dewi Sartika");

        assertThat(api.as("agency-dukcapil").post(Api.BASE + "/data-subjects/" + nik + "/erasure", Map.of("reason", "x")).status())
                .isEqualTo(403);
        assertThat(api.as("auditor").post(Api.BASE + "/data-subjects/" + nik + "/erasure", Map.of("reason", "x")).status())
                .isEqualTo(403);
        assertThat(api.as("officer-surabaya").post(Api.BASE + "/data-subjects/" + nik + "/erasure", Map.of("reason", "x")).status())
                .as("one MPP's officer may not erase a person nationwide").isEqualTo(403);
        assertThat(api.as("admin").post(Api.BASE + "/data-subjects/" + nik + "/erasure", Map.of("reason", "Permintaan")).status()).isEqualTo(200);

        var again = api.as("admin").post(Api.BASE + "/data-subjects/" + nik + "/erasure", Map.of("reason", "Permintaan"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("rule")).isEqualTo("nothing-to-erase");
        assertThat(again.body().toString()).doesNotContain(nik);
    }

    @Test
    void everyReadOfPersonalDataIsLoggedAndThePersonCanSeeWho() {
        String nik = "3578010101010006";
        String id = submitFor(nik, "Hendra Gunawan");
        api.view(id, 0);
        var purposeful = new HttpHeaders();
        purposeful.set("X-Purpose", "Pemeriksaan Inspektorat 2026");
        purposeful.set("X-Api-Key", Api.keyOf("auditor"));
        api.exchange(org.springframework.http.HttpMethod.GET, Api.BASE + "/applications/" + id,
                new org.springframework.http.HttpEntity<>(null, purposeful));

        var log = api.get(Api.BASE + "/data-subjects/" + nik + "/access-log");

        assertThat(log.status()).isEqualTo(200);
        List<JsonNode> entries = List.copyOf(toList(log.body().path("entries")));
        assertThat(entries).isNotEmpty().allSatisfy(entry -> assertThat(entry.path("applicationId").asText()).isEqualTo(id));
        assertThat(entries.get(0).path("principal").asText()).isEqualTo("auditor");
        assertThat(entries.get(0).path("purpose").asText()).isEqualTo("Pemeriksaan Inspektorat 2026");
        assertThat(entries.get(0).path("at").asText()).isNotBlank();
        assertThat(log.body().toString()).doesNotContain(nik, "Hendra");
        assertThat(api.as("viewer").get(Api.BASE + "/data-subjects/" + nik + "/access-log").status()).isEqualTo(403);
        assertThat(api.as("officer-surabaya").get(Api.BASE + "/data-subjects/" + nik + "/access-log").status()).isEqualTo(403);
    }

    private String submitFor(String nik, String name) {
        var reply = api.submit("KOTA-SURABAYA", "DUKCAPIL-KTP-EL", "COUNTER", nik, name);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.text("applicationId");
    }

    private void assertErased(String applicationId) {
        JsonNode applicant = api.view(applicationId, 0).path("applicant");
        assertThat(applicant.path("erased").asBoolean()).isTrue();
        assertThat(applicant.path("nik").isNull()).isTrue();
        assertThat(applicant.toString()).doesNotContain(ERASED_NIK, ERASED_NAME);
    }

    private void rebuildReadModels() {
        TrackingEventProcessor processor = processing
                .eventProcessor(ApplicationProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    private static List<JsonNode> toList(JsonNode array) {
        var list = new java.util.ArrayList<JsonNode>();
        array.forEach(list::add);
        return list;
    }
}

package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.mpp.tracker.audit.verifier.ExportReport;
import id.mpp.tracker.audit.verifier.ExportVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports for auditors, as JSON Lines with hashes, checked with the offline verifier the auditors run. */
@StandaloneTest
class AuditExportTest extends ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NIK = "3578016606930001";

    @Autowired
    JdbcTemplate eventStore;

    @Test
    void oneApplicationsHistoryExportsWithItsHashesAndVerifiesOffline() {
        String id = api.submit("KOTA-SURABAYA", "DUKCAPIL-KTP-EL", "COUNTER", NIK, "Ratih Purwasih").text("applicationId");
        api.act(id, "verify");
        long version = api.act(id, "start-processing").version();

        ResponseEntity<String> download = api.download(Api.BASE + "/audit/applications/" + id + "/export");

        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(String.valueOf(download.getHeaders().getContentType())).isEqualTo("application/x-ndjson");
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("application-" + id + ".jsonl");
        List<JsonNode> lines = lines(download.getBody());
        assertThat(lines.get(0).at("/export/scope").asText()).isEqualTo("application");
        assertThat(lines.get(0).at("/export/applicationId").asText()).isEqualTo(id);
        assertThat(lines).hasSize((int) version + 1 + 2);
        assertThat(lines.get(1).path("hash").asText()).isEqualTo(new EventStoreRows(eventStore).hash(id, 0));
        assertThat(lines.get(1).at("/payload/applicant/ciphertext").asText()).isNotBlank();
        assertThat(download.getBody()).doesNotContain(NIK).doesNotContain("Ratih");
        assertThat(lines.get(lines.size() - 1).at("/exportEnd/events").asLong()).isEqualTo(version + 1);

        ExportReport report = verify(download.getBody());
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(version + 1);
    }

    @Test
    void aChangedLineOfAnExportIsFoundOffline() {
        String id = api.submit().text("applicationId");
        api.act(id, "verify");
        String export = api.download(Api.BASE + "/audit/applications/" + id + "/export").getBody();

        ExportReport report = verify(export.replace("\"MPP_OFFICER\"", "\"AUDITOR\""));

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBreak().problem()).isEqualTo("altered");
        assertThat(report.firstBreak().sequenceNumber()).isZero();
    }

    @Test
    void anMppsEventsOfAPeriodExportWithPositionsAndOnlyThatMpp() {
        String before = api.submit().text("applicationId");
        String from = new EventStoreRows(eventStore).timestamp(before, 0);
        api.act(before, "verify");
        String batam = api.submit("KOTA-BATAM", "DUKCAPIL-KTP-EL", "COUNTER", "2171014101900002", "Dewi Anggraini").text("applicationId");
        String to = Instant.parse(new EventStoreRows(eventStore).timestamp(batam, 0)).plusSeconds(1).toString();
        String period = "from=" + Instant.parse(from).plusMillis(1) + "&to=" + to;

        String export = api.download(Api.BASE + "/audit/mpps/KOTA-SURABAYA/export?" + period).getBody();

        List<JsonNode> events = lines(export).stream().filter(line -> line.has("eventId")).toList();
        assertThat(events).extracting(event -> event.path("aggregateId").asText()).contains(before).doesNotContain(batam);
        assertThat(events).filteredOn(event -> event.path("aggregateId").asText().equals(before))
                .extracting(event -> event.path("sequenceNumber").asLong())
                .as("the submission lies before the period; what followed belongs to Surabaya by it")
                .containsExactly(1L, 2L);
        assertThat(events).allSatisfy(event -> assertThat(event.path("position").isIntegralNumber()).isTrue());
        ExportReport report = verify(export);
        assertThat(report.intact()).as(report.toString()).isTrue();

        long resumeAfter = events.get(0).path("position").asLong();
        String resumedExport = api.download(Api.BASE + "/audit/mpps/KOTA-SURABAYA/export?" + period + "&after=" + resumeAfter)
                .getBody();
        List<JsonNode> resumed = lines(resumedExport);
        assertThat(resumed.get(0).at("/export/afterPosition").asLong()).isEqualTo(resumeAfter);
        assertThat(verify(resumedExport).intact()).isTrue();
        List<JsonNode> rest = resumed.stream().filter(line -> line.has("eventId")).toList();
        assertThat(rest).hasSize(events.size() - 1);
        assertThat(rest.get(0).path("position").asLong()).isGreaterThan(resumeAfter);
    }

    @Test
    void exportsAreForAuditorsAndCheckTheirParameters() {
        String id = api.submit().text("applicationId");
        String period = "from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z";

        assertThat(api.as("officer-surabaya").get(Api.BASE + "/audit/applications/" + id + "/export").status()).isEqualTo(403);
        assertThat(api.as("viewer").get(Api.BASE + "/audit/mpps/KOTA-SURABAYA/export?" + period).status()).isEqualTo(403);
        String noSuchMpp = api.download(Api.BASE + "/audit/mpps/KOTA-ATLANTIS/export?" + period).getBody();
        assertThat(lines(noSuchMpp).get(1).at("/exportEnd/events").asLong())
                .as("an MPP withdrawn from the catalogue keeps its history; one that never was has none").isZero();
        assertThat(api.as("auditor").get(Api.BASE + "/audit/mpps/kota%20atlantis/export?" + period).status()).isEqualTo(400);
        assertThat(api.as("auditor").get(Api.BASE + "/audit/mpps/KOTA-SURABAYA/export?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z")
                .status()).isEqualTo(400);
        assertThat(api.as("auditor").get(Api.BASE + "/audit/mpps/KOTA-SURABAYA/export?from=2026-11-01").status()).isEqualTo(400);
        assertThat(api.as("auditor").get(Api.BASE + "/audit/applications/7d0c1b5e-9f1a-4e5b-8c3d-2a6f4e8b9c01/export").status())
                .isEqualTo(404);
    }

    private static ExportReport verify(String export) {
        try {
            return ExportVerifier.verify(new StringReader(export), "download");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> lines(String export) {
        return export.lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("Not a JSON line: " + line, e);
            }
        }).toList();
    }
}

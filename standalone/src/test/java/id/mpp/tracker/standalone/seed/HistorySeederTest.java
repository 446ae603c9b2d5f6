package id.mpp.tracker.standalone.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.mpp.tracker.application.Nik;
import id.mpp.tracker.platform.privacy.PersonalDataKeyStore;
import id.mpp.tracker.standalone.StandaloneApplication;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A small seeded history, then the normal application started on it: it holds what the seed says, verifies intact,
 * reads applicants' personal data back, carries on with a seeded application, stores what a real request stores in
 * the same shape, and a second seed on it is refused. Both run in this JVM one after the other, each in a context
 * of its own, on a data directory of this test. The checks that only read come first; the last one stops the
 * application, since a seed starting on its data directory would stop the PostgreSQL it left running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class HistorySeederTest {

    private static final int APPLICATIONS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path dataDir;
    private static Clock eventClockBefore;
    private static SeedReport report;
    private static ConfigurableApplicationContext app;
    private static String base;
    private static JdbcTemplate events;

    @BeforeAll
    static void seedThenStart() throws IOException {
        // the application stamps events with its clock through a static; the shared test context gets its own back
        eventClockBefore = GenericEventMessage.clock;
        Path target = Files.createDirectories(Path.of("target"));
        dataDir = Files.createTempDirectory(target.toAbsolutePath(), "seed-test-");
        report = SeedMode.seed(arguments("--mpp.seed.applications=" + APPLICATIONS, "--mpp.seed.random-seed=11"));
        app = new SpringApplicationBuilder(StandaloneApplication.class).run(arguments("--server.port=0"));
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort() + "/api/v1";
        events = new JdbcTemplate(app.getBean(DataSource.class));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(HistorySeederTest::projectionsCaughtUp);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        GenericEventMessage.clock = eventClockBefore;
    }

    @Test
    @Order(1)
    void theStoreHoldsWhatTheSeedReports() {
        assertThat(report.applications()).isEqualTo(APPLICATIONS);
        assertThat(count("1 = 1")).isEqualTo(report.events());
        assertThat(count("payloadType = 'id.mpp.tracker.application.ApplicationSubmitted'")).isEqualTo(APPLICATIONS);
        assertThat(count("aggregateIdentifier = 'global-stream'")).isEqualTo(report.anchors()).isPositive();
        // the mix the traffic model makes: most applications decided, some of them late
        assertThat(count("payloadType = 'id.mpp.tracker.application.ApplicationCompleted'")).isGreaterThan(APPLICATIONS / 2);
        assertThat(count("payloadType = 'id.mpp.tracker.application.ServiceRated'")).isPositive();
        assertThat(count("payloadType in ('id.mpp.tracker.application.ServiceStandardBreached', "
                + "'id.mpp.tracker.application.ApplicationDeemedApproved')")).isPositive();
        // in time order along the stream
        List<String> times = events.queryForList("select timeStamp from DomainEventEntry order by globalIndex", String.class);
        assertThat(times).isSortedAccordingTo(String::compareTo);
    }

    @Test
    @Order(1)
    void theWholeStreamVerifiesIntactAgainstItsAnchors() throws Exception {
        JsonNode check = get("/audit/verify?limit=1000000", "demo-auditor");

        assertThat(check.path("intact").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.path("eventsChecked").asLong()).isEqualTo(report.events());
        assertThat(check.path("breaks").asLong()).isZero();
        assertThat(check.path("anchorsChecked").asLong()).isEqualTo(report.anchors());
        assertThat(check.path("unhashedEvents").asLong()).isZero();
    }

    @Test
    @Order(1)
    void anApplicationReadsBackWithItsApplicantOpenedAndItsTrackingView() throws Exception {
        String id = events.queryForObject("select aggregateIdentifier from DomainEventEntry where payloadType = "
                + "'id.mpp.tracker.application.ApplicationSubmitted' order by globalIndex desc limit 1", String.class);
        long lastSequence = events.queryForObject("select max(sequenceNumber) from DomainEventEntry where aggregateIdentifier = ?",
                Long.class, id);

        JsonNode view = get("/applications/" + id + "?minVersion=" + lastSequence, "demo-auditor");
        assertThat(view.path("version").asLong()).isEqualTo(lastSequence);
        assertThat(view.path("applicant").path("erased").asBoolean()).isFalse();
        assertThat(Nik.parse(view.path("applicant").path("nik").asText()).provinceCode()).isEqualTo("35");
        assertThat(view.path("applicant").path("name").asText()).isNotBlank();

        JsonNode tracking = get("/track/" + view.path("trackingNumber").asText(), null);
        assertThat(tracking.path("status").asText()).isEqualTo(view.path("status").asText());
        assertThat(get("/audit/applications/" + id + "/verify", "demo-auditor").path("intact").asBoolean()).isTrue();
    }

    @Test
    @Order(2)
    void aSeededApplicationCarriesOnThroughTheApiWithItsChainIntact() throws Exception {
        String id = events.queryForObject("select aggregateIdentifier from DomainEventEntry e where payloadType = "
                + "'id.mpp.tracker.application.ApplicationCompleted' and not exists (select 1 from DomainEventEntry r "
                + "where r.aggregateIdentifier = e.aggregateIdentifier and r.payloadType = 'id.mpp.tracker.application.ServiceRated') "
                + "order by globalIndex limit 1", String.class);

        var rated = post("/applications/" + id + "/rate", "demo-portal", Map.of("score", 3));

        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        JsonNode chain = get("/audit/applications/" + id + "/verify", "demo-auditor");
        assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
    }

    @Test
    @Order(2)
    void whatTheSeedStoresHasTheShapeOfWhatARealRequestStores() throws Exception {
        var submitted = post("/applications", "demo-officer-kota-surabaya", Map.of("mppCode", "KOTA-SURABAYA",
                "serviceCode", "DUKCAPIL-KTP-EL", "channel", "COUNTER",
                "applicant", Map.of("nik", "3578014101900001", "name", "Siti Rahayu")));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String realId = JSON.readTree(submitted.body()).path("applicationId").asText();
        String seededId = events.queryForObject("select aggregateIdentifier from DomainEventEntry where payloadType = "
                + "'id.mpp.tracker.application.ApplicationSubmitted' and aggregateIdentifier <> ? and convert_from(metaData, 'UTF8') "
                + "like '%\"channel\":\"COUNTER\"%' order by globalIndex limit 1", String.class, realId);

        assertThat(row(seededId, 0)).isEqualTo(row(realId, 0));
        assertThat(metadataKeys(seededId, 0)).isEqualTo(metadataKeys(realId, 0));
        assertThat(payloadKeys(seededId, 0)).isEqualTo(payloadKeys(realId, 0));

        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        Document realClaim = mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("applicationId").is(realId)), Document.class,
                TrackingClaims.COLLECTION);
        Document seededClaim = mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("applicationId").is(seededId)), Document.class,
                TrackingClaims.COLLECTION);
        assertThat(seededClaim).isNotNull();
        assertThat(types(seededClaim)).isEqualTo(types(realClaim));
        assertThat(mongo.getCollection(TrackingClaims.COLLECTION).countDocuments()).isEqualTo(APPLICATIONS + 1);
        MongoTemplate keys = app.getBean(PersonalDataKeyStore.class).mongo();
        assertThat(keys.getCollection("data_subject_keys").countDocuments()).isBetween((long) APPLICATIONS - 5, APPLICATIONS + 1L);
        Document seededKey = keys.findById(seededSubject(seededId), Document.class, "data_subject_keys");
        Document realKey = keys.findById(seededSubject(realId), Document.class, "data_subject_keys");
        assertThat(seededKey).isNotNull();
        assertThat(types(seededKey)).isEqualTo(types(realKey));
    }

    @Test
    @Order(3)
    void aSecondSeedOnTheSameStoreIsRefused(CapturedOutput output) {
        app.close();
        app = null;

        int status = SeedMode.run(arguments("--mpp.seed.applications=10"));

        assertThat(status).isEqualTo(SeedMode.REFUSED);
        assertThat(output.getAll()).contains("The event store is not empty", "a history is only seeded into an empty store");
    }

    private static String[] arguments(String... more) {
        var arguments = new ArrayList<>(List.of("--spring.profiles.active=demo", "--mpp.storage.data-dir=" + dataDir,
                "--mpp.storage.durable=false",
                // the application started on the seed neither anchors nor watches due dates while the test runs
                "--mpp.audit.anchor-interval=PT1H", "--mpp.sla.watch-interval=PT1H"));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    private static boolean projectionsCaughtUp() throws Exception {
        JsonNode processors = get("/admin/projections", "demo-admin");
        for (JsonNode processor : processors) {
            if (processor.path("lag").asLong(-1) != 0) {
                return false;
            }
        }
        return processors.size() > 0;
    }

    private static long count(String condition) {
        return events.queryForObject("select count(*) from DomainEventEntry where " + condition, Long.class);
    }

    /** The columns other than ids and times. */
    private static Map<String, Object> row(String id, long sequence) {
        return events.queryForMap("select sequenceNumber, type, payloadType, payloadRevision from DomainEventEntry "
                + "where aggregateIdentifier = ? and sequenceNumber = ?", id, sequence);
    }

    private static String seededSubject(String id) throws IOException {
        return JSON.readTree(column("payload", id, 0)).path("applicant").path("dataSubjectId").asText();
    }

    private static Set<String> metadataKeys(String id, long sequence) throws IOException {
        return fieldNames(JSON.readTree(column("metaData", id, sequence)));
    }

    private static Set<String> payloadKeys(String id, long sequence) throws IOException {
        return fieldNames(JSON.readTree(column("payload", id, sequence)));
    }

    private static String column(String column, String id, long sequence) {
        return new String(events.queryForObject("select " + column + " from DomainEventEntry where aggregateIdentifier = ? "
                + "and sequenceNumber = ?", byte[].class, id, sequence), StandardCharsets.UTF_8);
    }

    private static Set<String> fieldNames(JsonNode node) {
        var names = new TreeSet<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> types(Document document) {
        var types = new java.util.TreeMap<String, String>();
        document.forEach((key, value) -> types.put(key, value == null ? "null" : value.getClass().getName()));
        return types;
    }

    private static JsonNode get(String path, String key) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("X-Purpose", "seed test");
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> post(String path, String key, Object body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("X-Api-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

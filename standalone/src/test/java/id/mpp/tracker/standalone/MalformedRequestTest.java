package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.engine.SourceOfRandomness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property-based, with jqwik's generators sampled from a plain test (so that it shares the application context):
 * random and malformed requests at every endpoint, from every kind of caller: never a 5xx, every refusal is a
 * problem+json, and no refused request records an event or touches a read model.
 */
@StandaloneTest
class MalformedRequestTest extends ApiTestBase {

    /** Requests per run; a failure prints the whole request, so it can be sent again by hand. */
    private static final int TRIES = Integer.getInteger("fuzz.tries", 400);
    /** The same requests on every run, so that a red build can be replayed; set {@code fuzz.seed} to explore others. */
    private static final String SEED = System.getProperty("fuzz.seed", "20261129");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ACTIONS = List.of("return-for-correction", "resubmit", "verify", "reroute",
            "start-processing", "request-documents", "provide-documents", "complete", "reject", "withdraw", "collect", "rate");
    private static final Map<String, Object> VALID_SUBMISSION = Map.of("mppCode", "KOTA-SURABAYA",
            "serviceCode", "DUKCAPIL-KTP-EL", "channel", "COUNTER",
            "applicant", Map.of("nik", "3578014101900001", "name", "Siti Rahayu"));

    @Autowired
    JdbcTemplate eventStore;
    @Autowired
    MongoTemplate mongo;
    @LocalServerPort
    int port;

    private String existingApplication;
    private String existingTrackingNumber;

    record FuzzRequest(HttpMethod method, String path, String body, String contentType, String apiKey, String ifMatch) {
    }

    @Test
    void noRequestBreaksTheServiceOrChangesAnythingWhenRefused() throws Exception {
        SourceOfRandomness.create(SEED);
        for (FuzzRequest request : requests().sampleStream().limit(TRIES).toList()) {
            check(request);
        }
        readModelHoldsOnlyWhatTheEventsSay();
    }

    private void check(FuzzRequest request) throws Exception {
        long eventsBefore = storedEvents();

        ResponseEntity<String> response = http.exchange(entityOf(request), String.class);

        int status = response.getStatusCode().value();
        assertThat(status).as("%s → %s", request, response.getBody()).isLessThan(500);
        if (status >= 400) {
            assertThat(String.valueOf(response.getHeaders().getContentType())).as("%s", request)
                    .startsWith("application/problem+json");
            assertThat(JSON.readTree(response.getBody()).path("type").asText()).startsWith("urn:problem-type:mpp-tracker:");
            assertThat(storedEvents()).as("events after refused %s", request).isEqualTo(eventsBefore);
        }
    }

    /** Every application in the read model has events behind it: no refused request wrote one of its own. */
    private void readModelHoldsOnlyWhatTheEventsSay() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mongo.getCollection("applications").countDocuments())
                .isEqualTo(eventStore.queryForObject(
                        "select count(distinct aggregateIdentifier) from DomainEventEntry where type = 'ServiceApplication'", Long.class)));
    }

    private Arbitrary<FuzzRequest> requests() {
        ensureExistingApplication();
        Arbitrary<HttpMethod> method = Arbitraries.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.POST, HttpMethod.PUT,
                HttpMethod.DELETE, HttpMethod.PATCH);
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json", "text/plain",
                "application/xml", "application/x-www-form-urlencoded", "");
        Arbitrary<String> apiKey = Arbitraries.of("officer-surabaya", "officer-manado", "agency-dukcapil",
                "agency-dpmptsp", "portal", "auditor", "viewer", "admin").map(Api::keyOf)
                .injectNull(0.15).edgeCases(edges -> edges.add("not-a-key"));
        Arbitrary<String> ifMatch = Arbitraries.oneOf(Arbitraries.of("\"0\"", "\"1\"", "\"2\"", "W/\"1\"", "*", "\"-1\"",
                "\"99999999999999999999\""), Arbitraries.strings().ofMaxLength(20)).injectNull(0.6);
        return Combinators.combine(method, paths(), bodies(), contentType, apiKey, ifMatch).as(FuzzRequest::new);
    }

    private Arbitrary<String> paths() {
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.just(existingApplication),
                Arbitraries.create(() -> UUID.randomUUID().toString()), junk(60));
        Arbitrary<String> action = Arbitraries.oneOf(Arbitraries.of(ACTIONS), junk(30));
        Arbitrary<String> trackingNumber = Arbitraries.oneOf(Arbitraries.just(existingTrackingNumber),
                Arbitraries.strings().withChars("23456789ABCDEFGHJKMNPQRSTVWXYZ01OIL-").ofMinLength(0).ofMaxLength(14), junk(40));
        Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""),
                Combinators.combine(Arbitraries.of("mppCode", "agencyCode", "serviceCode", "status", "submittedFrom",
                        "submittedTo", "page", "size", "minVersion", "$where", "mppCode[$ne]"), junk(30))
                        .as((name, value) -> "?" + name + "=" + UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8)));
        return Arbitraries.oneOf(
                Arbitraries.just("/api/v1/applications"),
                Combinators.combine(id, action).as((i, a) -> "/api/v1/applications/" + segment(i) + "/" + segment(a)),
                Combinators.combine(id, query).as((i, q) -> "/api/v1/applications/" + segment(i) + q),
                query.map(q -> "/api/v1/applications" + q),
                trackingNumber.map(t -> "/api/v1/track/" + segment(t)),
                junk(30).map(code -> "/api/v1/catalogue/mpps/" + segment(code)),
                query.map(q -> "/api/v1/catalogue/services" + q),
                junk(30).map(anything -> "/api/v1/" + segment(anything)));
    }

    private Arbitrary<String> bodies() {
        Arbitrary<Object> value = Arbitraries.oneOf(junk(300).map(Object.class::cast), Arbitraries.longs().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast), Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null), junk(20).list().ofMaxSize(3).map(Object.class::cast),
                Arbitraries.of(Map.of("nik", "3578014101900001"), Map.of("$gt", "")).map(Object.class::cast),
                Arbitraries.strings().ofLength(70_000).map(Object.class::cast));
        Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.of("mppCode", "serviceCode", "channel", "applicant",
                "reason", "documents", "missingDocuments", "toAgencyCode", "score", "comment", "note", "outputReference"), junk(15));
        Arbitrary<String> mutatedSubmission = Combinators.combine(field, value, Arbitraries.of(true, false))
                .as((name, newValue, remove) -> {
                    Map<String, Object> body = new HashMap<>(VALID_SUBMISSION);
                    if (remove) {
                        body.remove(name);
                    } else {
                        body.put(name, newValue);
                    }
                    return write(body);
                });
        Arbitrary<String> actionBody = Combinators.combine(field, value).as((name, newValue) -> write(singleton(name, newValue)));
        return Arbitraries.oneOf(mutatedSubmission, actionBody, junk(200), Arbitraries.of("", "{", "[]", "null", "{\"a\":",
                "{\"mppCode\":\"KOTA-SURABAYA\"}{}")).injectNull(0.1);
    }

    private static Arbitrary<String> junk(int maxLength) {
        // every char but lone surrogates, which no client can put on the wire
        return Arbitraries.strings().withCharRange(Character.MIN_VALUE, '\uD7FF').withCharRange('\uE000', '\uFFFF')
                .ofMaxLength(maxLength)
                .edgeCases(edges -> edges.add("' OR 1=1 --").add("{\"$ne\": null}").add("../../etc/passwd").add("%00"));
    }

    private RequestEntity<String> entityOf(FuzzRequest request) {
        var headers = new HttpHeaders();
        if (!request.contentType().isEmpty()) {
            headers.set(HttpHeaders.CONTENT_TYPE, request.contentType());
        }
        if (request.apiKey() != null) {
            headers.set("X-Api-Key", request.apiKey());
        }
        if (request.ifMatch() != null && request.ifMatch().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            headers.set(HttpHeaders.IF_MATCH, request.ifMatch());
        }
        URI uri = URI.create("http://localhost:" + port + request.path());
        return new RequestEntity<>(request.body(), headers, request.method(), uri);
    }

    private void ensureExistingApplication() {
        if (existingApplication == null) {
            var receipt = new Api(http).submit();
            existingApplication = receipt.text("applicationId");
            existingTrackingNumber = receipt.text("trackingNumber");
        }
    }

    private long storedEvents() {
        return new EventStoreRows(eventStore).count();
    }

    private static String segment(String raw) {
        return UriUtils.encodePathSegment(raw, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> singleton(String name, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put(name, value);
        return body;
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

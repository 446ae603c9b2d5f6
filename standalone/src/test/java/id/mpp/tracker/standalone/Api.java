package id.mpp.tracker.standalone;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The REST API as its callers use it: JSON in, status, headers and JSON out. Unless told to act as someone
 * ({@link #as}), each call is made by its rightful caller: the officer of the application's MPP, the system of
 * the agency it is routed to, MPP Digital, or for reads the auditor. The test callers are in application-test.yml.
 */
final class Api {

    static final String BASE = "/api/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> AGENCY_ACTIONS = Set.of("start-processing", "request-documents", "complete", "reject");
    private static final Set<String> PORTAL_ACTIONS = Set.of("provide-documents", "withdraw", "rate");
    private static final Map<String, String> OFFICERS = Map.of(
            "KOTA-SURABAYA", "officer-surabaya", "KOTA-MANADO", "officer-manado", "KOTA-BATAM", "officer-batam");
    private static final String ANONYMOUS = "";

    private final TestRestTemplate http;
    private final String caller;
    private final Map<String, String> mppOf;
    private final Map<String, String> agencyOf;

    Api(TestRestTemplate http) {
        this(http, null, new HashMap<>(), new HashMap<>());
    }

    private Api(TestRestTemplate http, String caller, Map<String, String> mppOf, Map<String, String> agencyOf) {
        this.http = http;
        this.caller = caller;
        this.mppOf = mppOf;
        this.agencyOf = agencyOf;
    }

    /** The same API, called by the given test principal for every request. */
    Api as(String principal) {
        return new Api(http, principal, mppOf, agencyOf);
    }

    /** The same API, called without credentials. */
    Api anonymous() {
        return as(ANONYMOUS);
    }

    static String keyOf(String principal) {
        return "test-key-" + principal;
    }

    Reply submit(String mppCode, String serviceCode, String channel, String nik, String name) {
        String submitter = channel.equals("ONLINE") ? "portal" : OFFICERS.get(mppCode);
        Reply reply = send(HttpMethod.POST, BASE + "/applications", Map.of("mppCode", mppCode, "serviceCode", serviceCode,
                "channel", channel, "applicant", Map.of("nik", nik, "name", name)), new HttpHeaders(), submitter);
        if (reply.status() == 201) {
            mppOf.put(reply.text("applicationId"), mppCode);
            agencyOf.put(reply.text("applicationId"), serviceCode.substring(0, serviceCode.indexOf('-')));
        }
        return reply;
    }

    /** Submits a KTP-el application at MPP Siola Surabaya, the happy default. */
    Reply submit() {
        return submit("KOTA-SURABAYA", "DUKCAPIL-KTP-EL", "COUNTER", "3578014101900001", "Siti Rahayu");
    }

    Reply act(String applicationId, String action, Object body) {
        return act(applicationId, action, body, new HttpHeaders());
    }

    Reply act(String applicationId, String action) {
        return act(applicationId, action, null);
    }

    Reply act(String applicationId, String action, Object body, HttpHeaders headers) {
        Reply reply = send(HttpMethod.POST, BASE + "/applications/" + applicationId + "/" + action, body, headers,
                rightfulActor(applicationId, action));
        if (reply.status() == 200 && action.equals("reroute") && body instanceof Map<?, ?> reroute) {
            agencyOf.put(applicationId, String.valueOf(reroute.get("toAgencyCode")));
        }
        return reply;
    }

    Reply post(String path, Object body) {
        return post(path, body, new HttpHeaders());
    }

    Reply post(String path, Object body, HttpHeaders headers) {
        return send(HttpMethod.POST, path, body, headers, "officer-surabaya");
    }

    Reply get(String path) {
        return send(HttpMethod.GET, path, null, new HttpHeaders(), "auditor");
    }

    /** A GET answered with text (an export), as a caller would save it. */
    ResponseEntity<String> download(String path) {
        HttpHeaders headers = new HttpHeaders();
        authenticate(headers, "auditor");
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** The status view once the read model has caught up with the given version. */
    JsonNode view(String applicationId, long version) {
        Reply reply = as(caller == null ? "auditor" : caller).get(BASE + "/applications/" + applicationId + "?minVersion=" + version);
        if (reply.status() != 200) {
            throw new AssertionError("GET of " + applicationId + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    /** How many events a projection's processor is behind the head of the event store; -1 when it does not run here. */
    long projectionLag(String projection) {
        for (JsonNode processor : as("admin").get(BASE + "/admin/projections").body()) {
            if (processor.path("name").asText().equals(projection)) {
                return processor.path("lag").asLong(-1);
            }
        }
        return -1;
    }

    /** The sum of a Prometheus metric over all its labels, as the process reports it. */
    double metricTotal(String name) {
        String metrics = get("/actuator/prometheus").body().asText();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.E]+)$").matcher(metrics);
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(2));
        }
        return total;
    }

    Reply exchange(HttpMethod method, String path, HttpEntity<?> request) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(request.getHeaders());
        authenticate(headers, "officer-surabaya");
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(request.getBody(), headers), String.class);
        return new Reply(response.getStatusCode().value(), response.getHeaders(), read(response.getBody()));
    }

    private Reply send(HttpMethod method, String path, Object body, HttpHeaders headers, String rightful) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        String json = body == null ? null : body instanceof String raw ? raw : write(body);
        authenticate(headers, rightful);
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
        return new Reply(response.getStatusCode().value(), response.getHeaders(), read(response.getBody()));
    }

    private void authenticate(HttpHeaders headers, String rightful) {
        String principal = caller != null ? caller : rightful;
        if (!principal.equals(ANONYMOUS) && !headers.containsKey("X-Api-Key")) {
            headers.set("X-Api-Key", keyOf(principal));
        }
    }

    private String rightfulActor(String applicationId, String action) {
        if (AGENCY_ACTIONS.contains(action)) {
            return "agency-" + agencyOf.getOrDefault(applicationId, "DUKCAPIL").toLowerCase();
        }
        if (PORTAL_ACTIONS.contains(action)) {
            return "portal";
        }
        return OFFICERS.get(mppOf.getOrDefault(applicationId, "KOTA-SURABAYA"));
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    record Reply(int status, HttpHeaders headers, JsonNode body) {

        String text(String field) {
            return body.path(field).asText();
        }

        long version() {
            return body.path("version").asLong();
        }

        String contentType() {
            return String.valueOf(headers.getContentType());
        }
    }
}

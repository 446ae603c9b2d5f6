package id.mpp.tracker.standalone;

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
import java.util.Map;

/** The REST API as a client sees it: JSON in, status, headers and JSON out. */
final class Api {

    static final String BASE = "/api/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;

    Api(TestRestTemplate http) {
        this.http = http;
    }

    Reply submit(String mppCode, String serviceCode, String channel, String nik, String name) {
        return post(BASE + "/applications", Map.of("mppCode", mppCode, "serviceCode", serviceCode, "channel", channel,
                "applicant", Map.of("nik", nik, "name", name)));
    }

    /** Submits a KTP-el application at MPP Siola Surabaya, the happy default. */
    Reply submit() {
        return submit("KOTA-SURABAYA", "DUKCAPIL-KTP-EL", "COUNTER", "3578014101900001", "Siti Rahayu");
    }

    Reply act(String applicationId, String action, Object body) {
        return post(BASE + "/applications/" + applicationId + "/" + action, body);
    }

    Reply act(String applicationId, String action) {
        return act(applicationId, action, null);
    }

    Reply post(String path, Object body) {
        return post(path, body, new HttpHeaders());
    }

    Reply post(String path, Object body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        String json = body == null ? null : body instanceof String raw ? raw : write(body);
        return exchange(HttpMethod.POST, path, new HttpEntity<>(json, headers));
    }

    Reply get(String path) {
        return exchange(HttpMethod.GET, path, new HttpEntity<>(new HttpHeaders()));
    }

    /** The status view once the read model has caught up with the given version. */
    JsonNode view(String applicationId, long version) {
        Reply reply = get(BASE + "/applications/" + applicationId + "?minVersion=" + version);
        if (reply.status() != 200) {
            throw new AssertionError("GET of " + applicationId + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    Reply exchange(HttpMethod method, String path, HttpEntity<?> request) {
        ResponseEntity<String> response = http.exchange(path, method, request, String.class);
        return new Reply(response.getStatusCode().value(), response.getHeaders(), read(response.getBody()));
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

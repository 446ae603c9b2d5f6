package id.mpp.tracker.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every class of bad request gets a precise problem+json with a stable type, and changes nothing. */
@StandaloneTest
class ErrorHandlingTest extends ApiTestBase {

    private static final String TYPE = "urn:problem-type:mpp-tracker:";
    private static final String NIK = "3578014101900001";

    @Autowired
    JdbcTemplate eventStore;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NIK with a bad province         | {"mppCode":"KOTA-SURABAYA","serviceCode":"DUKCAPIL-KTP-EL","channel":"COUNTER","applicant":{"nik":"9978014101900001","name":"Siti"}}  | invalid-input           | province
            NIK with a bad date of birth    | {"mppCode":"KOTA-SURABAYA","serviceCode":"DUKCAPIL-KTP-EL","channel":"COUNTER","applicant":{"nik":"3578017313900001","name":"Siti"}}  | invalid-input           | date of birth
            NIK too short                   | {"mppCode":"KOTA-SURABAYA","serviceCode":"DUKCAPIL-KTP-EL","channel":"COUNTER","applicant":{"nik":"357801410190","name":"Siti"}}      | invalid-input           | 16 digits
            unknown MPP                     | {"mppCode":"KOTA-ATLANTIS","serviceCode":"DUKCAPIL-KTP-EL","channel":"COUNTER","applicant":{"nik":"3578014101900001","name":"Siti"}}  | unknown-catalogue-entry | MPP KOTA-ATLANTIS
            unknown service                 | {"mppCode":"KOTA-SURABAYA","serviceCode":"SIHIR-TERBANG","channel":"COUNTER","applicant":{"nik":"3578014101900001","name":"Siti"}}    | unknown-catalogue-entry | Service SIHIR-TERBANG
            service not offered at the MPP  | {"mppCode":"KAB-REMBANG","serviceCode":"IMIGRASI-PASPOR-BARU","channel":"COUNTER","applicant":{"nik":"3578014101900001","name":"Siti"}} | service-not-offered | does not offer
            unknown field                   | {"mppCode":"KOTA-SURABAYA","serviceCode":"DUKCAPIL-KTP-EL","channel":"COUNTER","priority":"VIP","applicant":{"nik":"3578014101900001","name":"Siti"}} | invalid-input | 'priority'
            unknown channel                 | {"mppCode":"KOTA-SURABAYA","serviceCode":"DUKCAPIL-KTP-EL","channel":"FAX","applicant":{"nik":"3578014101900001","name":"Siti"}}      | invalid-input           | 'channel'
            missing applicant               | {"mppCode":"KOTA-SURABAYA","serviceCode":"DUKCAPIL-KTP-EL","channel":"COUNTER"}                                                       | invalid-input           | applicant
            name with markup                | {"mppCode":"KOTA-SURABAYA","serviceCode":"DUKCAPIL-KTP-EL","channel":"COUNTER","applicant":{"nik":"3578014101900001","name":"<script>"}} | invalid-input         | applicant.name
            malformed code                  | {"mppCode":"kota surabaya!","serviceCode":"DUKCAPIL-KTP-EL","channel":"COUNTER","applicant":{"nik":"3578014101900001","name":"Siti"}} | invalid-input           | mppCode
            not JSON                        | {"mppCode":                                                                                                                            | invalid-input           | not valid JSON
            """)
    void aBadSubmissionIsRefusedAndRecordsNothing(String caseName, String body, String type, String detailMentions) {
        long eventsBefore = eventCount();

        var reply = api.post(Api.BASE + "/applications", body);

        assertProblem(reply, 400, type);
        assertThat(reply.text("detail")).contains(detailMentions).doesNotContain(NIK);
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void anIllegalTransitionSaysWhereTheApplicationIsAndWhatIsAllowedAndRecordsNothing() {
        String id = api.submit().text("applicationId");
        long eventsBefore = eventCount();

        var reply = api.act(id, "collect");

        assertProblem(reply, 409, "illegal-transition");
        assertThat(reply.text("detail")).contains("SUBMITTED", "return-for-correction", "verify", "withdraw");
        assertThat(reply.text("currentStatus")).isEqualTo("SUBMITTED");
        assertThat(reply.body().path("allowedActions")).extracting(Object::toString)
                .asList().containsExactlyInAnyOrder("\"return-for-correction\"", "\"verify\"", "\"withdraw\"");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void aServiceIsRatedOnlyOnce() {
        String id = decidedApplication();
        assertThat(api.act(id, "rate", Map.of("score", 3)).status()).isEqualTo(200);

        var reply = api.act(id, "rate", Map.of("score", 4));

        assertProblem(reply, 409, "rule-violation");
        assertThat(reply.text("rule")).isEqualTo("rate-once");
    }

    @Test
    void aRatingOutsideTheSkmScaleIsInvalid() {
        var reply = api.act(decidedApplication(), "rate", Map.of("score", 5));

        assertProblem(reply, 400, "invalid-input");
        assertThat(reply.text("detail")).contains("score");
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailureAndRecordsNothing() {
        String id = api.submit().text("applicationId");
        api.act(id, "verify");
        long eventsBefore = eventCount();

        var headers = new HttpHeaders();
        headers.setIfMatch("\"0\"");
        var reply = api.act(id, "start-processing", null, headers);

        assertProblem(reply, 412, "version-mismatch");
        assertThat(reply.body().path("currentVersion").asLong()).isEqualTo(2);
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void aCurrentIfMatchIsAccepted() {
        String id = api.submit().text("applicationId");
        var headers = new HttpHeaders();
        headers.setIfMatch("\"0\"");

        assertThat(api.post(Api.BASE + "/applications/" + id + "/verify", null, headers).status()).isEqualTo(200);
    }

    @Test
    void aMalformedIfMatchIsInvalid() {
        String id = api.submit().text("applicationId");
        var headers = new HttpHeaders();
        headers.setIfMatch("\"latest\"");

        assertProblem(api.post(Api.BASE + "/applications/" + id + "/verify", null, headers), 400, "invalid-input");
    }

    @Test
    void requiredActionBodiesAreValidatedFieldByField() {
        String id = api.submit().text("applicationId");
        api.act(id, "verify");
        api.act(id, "start-processing");

        var reply = api.act(id, "request-documents", Map.of("documents", List.of()));

        assertProblem(reply, 400, "invalid-input");
        assertThat(reply.body().path("errors").get(0).path("field").asText()).isEqualTo("documents");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            POST, /applications/5d2c8a57-0000-4000-8000-000000000000/verify, 404, not-found
            GET,  /applications/5d2c8a57-0000-4000-8000-000000000000,        404, not-found
            GET,  /applications/not-a-uuid,                                   400, invalid-input
            POST, /applications/not-a-uuid/verify,                            400, invalid-input
            POST, /applications/5d2c8a57-0000-4000-8000-000000000000/teleport, 404, not-found
            GET,  /track/22222-22223,                                         400, invalid-input
            GET,  /track/0OIL1-22222,                                         400, invalid-input
            GET,  /catalogue/mpps/KOTA-ATLANTIS,                              404, not-found
            GET,  /applications?size=1000,                                    400, invalid-input
            GET,  /applications?status=LOST,                                  400, invalid-input
            GET,  /applications?submittedFrom=yesterday,                      400, invalid-input
            DELETE, /applications,                                            405, method-not-allowed
            """)
    void badAddressesAndParametersAreProblems(String method, String path, int status, String type) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var reply = api.exchange(HttpMethod.valueOf(method), Api.BASE + path, new HttpEntity<>(null, headers));

        assertProblem(reply, status, type);
    }

    @Test
    void anUnknownTrackingNumberWithAValidCheckCharacterIsNotFound() {
        String number = api.submit().text("trackingNumber");
        String otherValid = firstValidVariant(number);

        assertProblem(api.get(Api.BASE + "/track/" + otherValid), 404, "not-found");
    }

    @Test
    void aReadThatCannotReachTheAskedVersionInTimeIsRetryableUnavailable() {
        String id = api.submit().text("applicationId");

        var reply = api.get(Api.BASE + "/applications/" + id + "?minVersion=99");

        assertProblem(reply, 503, "not-yet-consistent");
        assertThat(reply.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        long eventsBefore = eventCount();
        String huge = "{\"mppCode\":\"KOTA-SURABAYA\",\"padding\":\"" + "x".repeat(70_000) + "\"}";

        assertProblem(api.post(Api.BASE + "/applications", huge), 413, "payload-too-large");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void withoutCredentialsOnlyTheCitizensAndTheCataloguesEndpointsAnswer() {
        assertProblem(api.anonymous().post(Api.BASE + "/applications", "{}"), 401, "unauthenticated");
        assertProblem(api.anonymous().get(Api.BASE + "/applications"), 401, "unauthenticated");
        assertThat(api.anonymous().get(Api.BASE + "/catalogue/mpps").status()).isEqualTo(200);
    }

    @Test
    void anUnknownApiKeyIsRefused() {
        var headers = new HttpHeaders();
        headers.set("X-Api-Key", "stolen-or-revoked");

        assertProblem(api.anonymous().post(Api.BASE + "/applications", "{}", headers), 401, "unauthenticated");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        var reply = api.exchange(HttpMethod.POST, Api.BASE + "/applications", new HttpEntity<>("hello", headers));

        assertProblem(reply, 415, "unsupported-media-type");
    }

    private String decidedApplication() {
        String id = api.submit().text("applicationId");
        api.act(id, "verify");
        api.act(id, "start-processing");
        assertThat(api.act(id, "complete").status()).isEqualTo(200);
        return id;
    }

    /** Another tracking number with a correct check character: change the payload, then search the check. */
    private String firstValidVariant(String number) {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
        char first = number.charAt(0) == '2' ? '3' : '2';
        for (char check : alphabet.toCharArray()) {
            String candidate = first + number.substring(1, 9) + check;
            if (api.get(Api.BASE + "/track/" + candidate).status() != 400) {
                return candidate;
            }
        }
        throw new AssertionError("no valid variant of " + number);
    }

    private long eventCount() {
        return new EventStoreRows(eventStore).count();
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("type")).isEqualTo(TYPE + type);
        assertThat(reply.text("title")).isNotBlank();
        assertThat(reply.text("detail")).isNotBlank();
        assertThat(reply.text("requestId")).isNotBlank();
        assertThat(reply.body().toString()).doesNotContain("Exception", "at id.mpp", "at org.");
    }
}

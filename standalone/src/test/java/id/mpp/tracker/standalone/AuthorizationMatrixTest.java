package id.mpp.tracker.standalone;

import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint called by every kind of caller, own and other MPP or agency, generated from one table of who
 * may call what. A rightful call succeeds; anyone else gets 403, or 401 without credentials, and changes nothing.
 */
@StandaloneTest
class AuthorizationMatrixTest extends ApiTestBase {

    @Autowired
    JdbcTemplate eventStore;

    /** The callers; "own" ones belong to the MPP (Surabaya) or agency (Dukcapil) of the application at hand. */
    enum Caller {
        ANONYMOUS(""), OFFICER_OWN("officer-surabaya"), OFFICER_OTHER("officer-manado"), AGENCY_OWN("agency-dukcapil"),
        AGENCY_OTHER("agency-dpmptsp"), PORTAL("portal"), AUDITOR("auditor"), VIEWER("viewer"), ADMIN("admin");

        final String principal;

        Caller(String principal) {
            this.principal = principal;
        }
    }

    /** One endpoint: the status an application must be in first, and the call. */
    record Endpoint(String name, List<String> preparation, Function<Call, Api.Reply> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Call(Api api, String applicationId, String trackingNumber) {
    }

    private static final Caller[] OFFICER = {Caller.OFFICER_OWN};
    private static final Caller[] AGENCY = {Caller.AGENCY_OWN};
    private static final Caller[] PORTAL = {Caller.PORTAL};

    /** Who may call what: the one table the whole matrix is generated from. */
    private static final Map<Endpoint, Caller[]> RIGHTS = Map.ofEntries(
            Map.entry(submit("submit at the counter", "COUNTER"), OFFICER),
            Map.entry(submit("submit online", "ONLINE"), PORTAL),
            Map.entry(action("return-for-correction", List.of(), Map.of("reason", "KK kurang")), OFFICER),
            Map.entry(action("resubmit", List.of("return-for-correction"), null), new Caller[]{Caller.OFFICER_OWN, Caller.PORTAL}),
            Map.entry(action("verify", List.of(), null), OFFICER),
            Map.entry(action("reroute", List.of("verify"), Map.of("toAgencyCode", "DPMPTSP", "reason", "Salah loket")), OFFICER),
            Map.entry(action("start-processing", List.of("verify"), null), AGENCY),
            Map.entry(action("request-documents", List.of("verify", "start-processing"), Map.of("documents", List.of("Surat pengantar"))), AGENCY),
            Map.entry(action("provide-documents", List.of("verify", "start-processing", "request-documents"), Map.of("documents", List.of("Surat pengantar"))), PORTAL),
            Map.entry(action("complete", List.of("verify", "start-processing"), null), AGENCY),
            Map.entry(action("reject", List.of("verify", "start-processing"), Map.of("reason", "Data tidak sesuai")), AGENCY),
            Map.entry(action("withdraw", List.of(), Map.of("reason", "Tidak jadi")), PORTAL),
            Map.entry(action("collect", List.of("verify", "start-processing", "complete"), null), OFFICER),
            Map.entry(action("rate", List.of("verify", "start-processing", "complete"), Map.of("score", 4)), PORTAL),
            // an agency reads the applicant's data only once the application is routed to it
            Map.entry(new Endpoint("read a routed application", List.of("verify"), AuthorizationMatrixTest::readApplication),
                    new Caller[]{Caller.OFFICER_OWN, Caller.AGENCY_OWN, Caller.AUDITOR}),
            Map.entry(read("read an application not yet routed", AuthorizationMatrixTest::readApplication),
                    new Caller[]{Caller.OFFICER_OWN, Caller.AUDITOR}),
            // an agency lists what is routed to it at any MPP; an officer what was submitted at its MPP, for any agency
            Map.entry(read("list the MPP's applications", call -> call.api().get(Api.BASE + "/applications?mppCode=KOTA-SURABAYA")),
                    new Caller[]{Caller.OFFICER_OWN, Caller.AGENCY_OWN, Caller.AGENCY_OTHER, Caller.AUDITOR, Caller.VIEWER, Caller.ADMIN}),
            Map.entry(read("list the agency's applications", call -> call.api().get(Api.BASE + "/applications?agencyCode=DUKCAPIL")),
                    new Caller[]{Caller.OFFICER_OWN, Caller.OFFICER_OTHER, Caller.AGENCY_OWN, Caller.AUDITOR, Caller.VIEWER, Caller.ADMIN}),
            Map.entry(read("track by number", call -> call.api().get(Api.BASE + "/track/" + call.trackingNumber())), Caller.values()),
            Map.entry(read("read the catalogue", call -> call.api().get(Api.BASE + "/catalogue/mpps")), Caller.values()));

    static Stream<Arguments> matrix() {
        return RIGHTS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Endpoint::name)))
                .flatMap(entry -> Arrays.stream(Caller.values()).map(caller -> {
                    boolean rightful = Set.of(entry.getValue()).contains(caller);
                    int expected = rightful ? expectedSuccess(entry.getKey()) : caller == Caller.ANONYMOUS ? 401 : 403;
                    return Arguments.of(entry.getKey(), caller, expected);
                }));
    }

    @ParameterizedTest(name = "{0} by {1} → {2}")
    @MethodSource("matrix")
    void onlyTheRightfulCallersMayCallEachEndpoint(Endpoint endpoint, Caller caller, int expected) {
        var receipt = api.submit();
        String id = receipt.text("applicationId");
        long version = receipt.version();
        for (String step : endpoint.preparation()) {
            var prepared = api.act(id, step, STEP_BODIES.get(step));
            assertThat(prepared.status()).as(step).isEqualTo(200);
            version = prepared.version();
        }
        api.view(id, version);
        long eventsBefore = storedEvents();

        Api as = caller == Caller.ANONYMOUS ? api.anonymous() : api.as(caller.principal);
        Api.Reply reply = endpoint.call().apply(new Call(as, id, receipt.text("trackingNumber")));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(storedEvents()).as("nothing recorded").isEqualTo(eventsBefore);
        }
    }

    private long storedEvents() {
        return new EventStoreRows(eventStore).count();
    }

    private static int expectedSuccess(Endpoint endpoint) {
        return endpoint.name().startsWith("submit") ? 201 : 200;
    }

    private static Endpoint submit(String name, String channel) {
        return new Endpoint(name, List.of(), call -> call.api().post(Api.BASE + "/applications", Map.of(
                "mppCode", "KOTA-SURABAYA", "serviceCode", "DUKCAPIL-KTP-EL", "channel", channel,
                "applicant", Map.of("nik", "3578014101900001", "name", "Siti Rahayu"))));
    }

    private static Endpoint action(String action, List<String> preparation, Map<String, Object> body) {
        return new Endpoint(action, preparation, call -> call.api().act(call.applicationId(), action, body));
    }

    private static Api.Reply readApplication(Call call) {
        return call.api().get(Api.BASE + "/applications/" + call.applicationId());
    }

    private static Endpoint read(String name, Function<Call, Api.Reply> call) {
        return new Endpoint(name, List.of(), call);
    }

    private static final Map<String, Object> STEP_BODIES = Map.of(
            "return-for-correction", Map.of("reason", "KK kurang"),
            "request-documents", Map.of("documents", List.of("Surat pengantar")),
            "complete", Map.of("outputReference", "KTP/1"));
}

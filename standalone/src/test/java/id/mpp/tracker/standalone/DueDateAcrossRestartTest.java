package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Due dates that pass while {@code standalone} is down: after the restart the breach (or the deemed approval) is
 * recorded once by the scheduled watch, and restarting again later records nothing more. The restarts run the
 * process's clock ahead ({@code mpp.clock.offset}) instead of waiting days.
 */
class DueDateAcrossRestartTest {

    private static final String EVERY_SECOND = "--mpp.sla.watch-interval=PT1S";

    @TempDir
    Path dataDir;

    StandaloneProcess standalone;

    @AfterEach
    void stop() throws InterruptedException {
        if (standalone != null) {
            standalone.stop();
        }
    }

    @Test
    void aDueDatePassedWhileStoppedIsRecordedOnceAfterTheRestartAndNeverAgain() throws Exception {
        Path log = StandaloneProcess.freshLog("due-date-restart-standalone.log");
        standalone = new StandaloneProcess(dataDir, log).start(EVERY_SECOND);
        String ktp = inProcess(api(), "DUKCAPIL-KTP-EL");
        String licence = inProcess(api(), "DPMPTSP-SLF");
        assertThat(recorded(ktp, "ServiceStandardBreached") + recorded(licence, "ApplicationDeemedApproved")).isZero();
        standalone.stop();

        standalone.start(EVERY_SECOND, "--mpp.clock.offset=P60D");
        Api sixtyDaysLater = api();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                status(sixtyDaysLater, licence).equals("DEEMED_APPROVED")
                        && sixtyDaysLater.get(Api.BASE + "/applications/" + ktp).body().path("serviceTime").path("breached").asBoolean());
        standalone.stop();

        standalone.start(EVERY_SECOND, "--mpp.clock.offset=P61D");
        Api dayAfter = api();
        await().atMost(Duration.ofSeconds(60)).until(() -> dayAfter.metricTotal("mpp_sla_watch_scans_total") >= 3);

        assertThat(recorded(ktp, "ServiceStandardBreached")).isEqualTo(1);
        assertThat(recorded(licence, "ApplicationDeemedApproved")).isEqualTo(1);
        assertThat(recorded(licence, "ServiceStandardBreached")).as("approved by law instead of breached").isZero();
        JsonNode breached = dayAfter.get(Api.BASE + "/applications/" + ktp).body();
        assertThat(breached.path("status").asText()).isEqualTo("IN_PROCESS");
        assertThat(breached.path("serviceTime").path("overdue").asBoolean()).isTrue();
    }

    private long recorded(String applicationId, String eventType) throws Exception {
        return standalone.storedEvents("aggregateIdentifier = ? and payloadType = ?", applicationId,
                "id.mpp.tracker.application." + eventType);
    }

    private static String status(Api api, String applicationId) {
        return api.get(Api.BASE + "/applications/" + applicationId).body().path("status").asText();
    }

    private static String inProcess(Api api, String service) {
        var submitted = api.submit("KOTA-SURABAYA", service, "COUNTER", "3578014101900001", "Siti Rahayu");
        assertThat(submitted.status()).isEqualTo(201);
        String id = submitted.text("applicationId");
        assertThat(api.act(id, "verify").status()).isEqualTo(200);
        assertThat(api.act(id, "start-processing").status()).isEqualTo(200);
        return id;
    }

    private Api api() {
        return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri(standalone.baseUrl())));
    }
}

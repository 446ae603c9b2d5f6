package id.mpp.tracker.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and client developers rely on: health, metrics, the API description and the catalogue. */
@StandaloneTest
class OperationsTest extends ApiTestBase {


    @Test
    void healthIsUpAndPingsMongoDbAndTheEventStore() {
        var health = api.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.body().path("components").path("mongo").path("status").asText()).isEqualTo("UP");
        assertThat(health.body().path("components").path("db").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesAxonAndBusinessCountersWithoutPersonalData() {
        String id = api.submit("KOTA-BATAM", "DUKCAPIL-KK", "ROADSHOW", "2171015011850004", "Dewi Lestari").text("applicationId");
        api.act(id, "verify");
        api.act(id, "start-processing");
        api.act(id, "reject", java.util.Map.of("reason", "Dokumen tidak sah"));
        api.view(id, 4);

        String metrics = http.getForObject("/actuator/prometheus", String.class);

        assertThat(metrics).contains("commandBus_", "eventProcessor_")
                .containsPattern("mpp_applications_submitted_total\\{[^}]*agency=\"DUKCAPIL\"[^}]*channel=\"ROADSHOW\"[^}]*mpp=\"KOTA-BATAM\"[^}]*service=\"DUKCAPIL-KK\"")
                .containsPattern("mpp_applications_decided_total\\{[^}]*mpp=\"KOTA-BATAM\"[^}]*outcome=\"REJECTED\"")
                .containsPattern("mpp_projection_events_total\\{[^}]*outcome=\"applied\"")
                .doesNotContain("2171015011850004", "Dewi");
    }

    @Test
    void theApiIsDescribedByOpenApiWithSwaggerUi() {
        var docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/v1/applications")).isTrue();
        assertThat(docs.body().path("paths").has("/api/v1/applications/{id}/verify")).isTrue();
        assertThat(docs.body().path("paths").has("/api/v1/track/{trackingNumber}")).isTrue();
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theCatalogueListsMppsAgenciesAndServicesWithTheirStandards() {
        assertThat(api.get(Api.BASE + "/catalogue/mpps").body().size()).isGreaterThanOrEqualTo(29);
        assertThat(api.get(Api.BASE + "/catalogue/agencies").body().size()).isGreaterThanOrEqualTo(10);

        var manado = api.get(Api.BASE + "/catalogue/mpps/KOTA-MANADO");
        assertThat(manado.text("zone")).isEqualTo("Asia/Makassar");
        assertThat(manado.text("inaugurated")).isEqualTo("2022-12-05");

        var services = api.get(Api.BASE + "/catalogue/services?mppCode=KOTA-SURABAYA&agencyCode=IMIGRASI").body();
        assertThat(services.size()).isPositive();
        services.forEach(service -> {
            assertThat(service.path("agency").asText()).isEqualTo("IMIGRASI");
            assertThat(service.path("standard").path("days").asInt()).isPositive();
            assertThat(service.path("standard").path("unit").asText()).isIn("WORKING_DAYS", "CALENDAR_DAYS");
        });
        assertThat(api.get(Api.BASE + "/catalogue").text("version")).isNotBlank();
    }

    @Test
    void theCatalogueShowsEachYearsHolidayCalendarWithItsSource() {
        assertThat(api.anonymous().get(Api.BASE + "/catalogue/calendars").body().toString()).contains("2026", "2027");

        var calendar = api.anonymous().get(Api.BASE + "/catalogue/calendars/2026");
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.text("source")).contains("SKB");
        assertThat(calendar.body().path("days").toString()).contains("2026-08-17", "CUTI_BERSAMA");
        assertThat(api.anonymous().get(Api.BASE + "/catalogue/calendars/1999").status()).isEqualTo(404);
    }
}

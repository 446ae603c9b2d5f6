package id.mpp.tracker.query.application;

import id.mpp.tracker.sla.ServiceClock;
import id.mpp.tracker.sla.WorkingDays;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.application.Channel;
import id.mpp.tracker.application.query.*;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.CatalogueReader;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.ServiceCode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static id.mpp.tracker.application.ApplicationStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ApplicationQueriesTest extends ReadModelTest {

    private static final Catalogue CATALOGUE = CatalogueReader.read(
            ApplicationQueriesTest.class.getResourceAsStream("/catalogue/catalogue.yaml"), "test");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final Instant FIRST_DAY = Instant.parse("2026-03-02T01:30:00Z");
    /** Read on the first day; counting weekends only is enough for these queries. */
    static final ServiceTimes SERVICE_TIMES = new ServiceTimes(new ServiceClock(new WorkingDays(List.of())),
            Clock.fixed(FIRST_DAY.plus(Duration.ofHours(12)), ZoneOffset.UTC));

    private ProjectionFeed feed;
    private ApplicationQueries queries;

    @BeforeEach
    void emptyReadModel() {
        feed = new ProjectionFeed(new ApplicationProjection(mongo, SimpleQueryUpdateEmitter.builder().build(),
                new ApplicationMetrics(new SimpleMeterRegistry()), vault, SERVICE_TIMES));
        queries = new ApplicationQueries(mongo, CATALOGUE, SERVICE_TIMES);
    }

    @Test
    void findsAnApplicationWithEverythingKnownAboutIt() {
        var application = project(ktpAtBanjar(FIRST_DAY).verified().routed("DUKCAPIL"));

        var view = queries.handle(new FindApplication(application.id())).orElseThrow();

        assertThat(view.applicationId()).isEqualTo(application.id().value());
        assertThat(view.trackingNumber()).isEqualTo(application.trackingNumber().value());
        assertThat(view.applicant()).isEqualTo(new ApplicationView.ApplicantView(siti.dataSubjectId(),
                ApplicationStream.APPLICANT.nik().value(), "Siti Rahmawati", "+6281234567890", "siti.rahmawati@example.id",
                false));
        assertThat(view.status()).isEqualTo(ROUTED);
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void findsNothingForAnUnknownApplication() {
        project(ktpAtBanjar(FIRST_DAY));
        var neverProjected = ktpAtBanjar(FIRST_DAY);

        assertThat(queries.handle(new FindApplication(neverProjected.id()))).isEmpty();
    }

    @Test
    void findsTheApplicationOfAnErasedPersonWithoutTheirPersonalData() {
        var application = project(ktpAtBanjar(FIRST_DAY).verified());
        feed.live(StoredEvent.erasure(siti, FIRST_DAY.plus(Duration.ofDays(30))));

        var view = queries.handle(new FindApplication(application.id())).orElseThrow();

        assertThat(view.applicant())
                .isEqualTo(new ApplicationView.ApplicantView(siti.dataSubjectId(), null, null, null, null, true));
        assertThat(view.status()).isEqualTo(SUBMITTED);
        assertThat(view.version()).isEqualTo(1);
        assertNoPersonalData(json(view));
    }

    @Test
    void tracksAnApplicationByItsNumberWithTheCatalogueNames() {
        var application = project(ktpAtBanjar(FIRST_DAY).returnedForCorrection("Fotokopi KK buram", "Kartu Keluarga"));
        var returned = application.last().at();

        var view = queries.handle(new TrackApplication(application.trackingNumber())).orElseThrow();

        assertThat(view).isEqualTo(new TrackingView(application.trackingNumber().value(),
                "KAB-BANJAR", "MPP Kabupaten Banjar", "DUKCAPIL-KTP-EL", "Penerbitan KTP-el",
                RETURNED_FOR_CORRECTION, FIRST_DAY, returned, List.of("Kartu Keluarga"), null,
                List.of(new StatusChange("ApplicationSubmitted", SUBMITTED, FIRST_DAY),
                        new StatusChange("ApplicationReturnedForCorrection", RETURNED_FOR_CORRECTION, returned))));
    }

    @Test
    void theTrackingViewShowsNeitherPersonalDataNorOfficersReasons() {
        var application = project(ktpAtBanjar(FIRST_DAY).returnedForCorrection("Fotokopi KK buram", "Kartu Keluarga"));

        String json = json(queries.handle(new TrackApplication(application.trackingNumber())).orElseThrow());

        assertNoPersonalData(json);
        assertThat(json).doesNotContain("Fotokopi KK buram");
    }

    @Test
    void tracksNothingForAnUnknownNumber() {
        project(ktpAtBanjar(FIRST_DAY));
        var neverProjected = ktpAtBanjar(FIRST_DAY);

        assertThat(queries.handle(new TrackApplication(neverProjected.trackingNumber()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void listsTheApplicationsMeetingEveryCriterionNewestFirst(String description, Filter filter, List<String> expected) {
        Map<String, ApplicationStream> applications = projectFiveApplications();

        var page = queries.handle(filter.page(0, 20));

        assertThat(page.content()).extracting(ApplicationSummary::applicationId)
                .containsExactlyElementsOf(expected.stream().map(name -> applications.get(name).id().value()).toList());
        assertThat(page.totalElements()).isEqualTo(expected.size());
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("no criterion", Filter.ANY,
                        List.of("nib-banjar", "nib-malang", "ktp-malang", "skck-banjar", "ktp-banjar")),
                Arguments.of("MPP", Filter.ANY.mpp("KAB-BANJAR"), List.of("nib-banjar", "skck-banjar", "ktp-banjar")),
                Arguments.of("agency", Filter.ANY.agency("DPMPTSP"), List.of("nib-banjar")),
                Arguments.of("agency rerouted to", Filter.ANY.agency("DJP"), List.of("nib-malang")),
                Arguments.of("service", Filter.ANY.service("DUKCAPIL-KTP-EL"), List.of("ktp-malang", "ktp-banjar")),
                Arguments.of("status", Filter.ANY.status(IN_PROCESS), List.of("nib-banjar", "skck-banjar")),
                Arguments.of("submitted from, inclusive", Filter.ANY.from(day(2)),
                        List.of("nib-banjar", "nib-malang", "ktp-malang", "skck-banjar")),
                Arguments.of("submitted to, exclusive", Filter.ANY.to(day(4)),
                        List.of("ktp-malang", "skck-banjar", "ktp-banjar")),
                Arguments.of("submitted between", Filter.ANY.from(day(2)).to(day(4)), List.of("ktp-malang", "skck-banjar")),
                Arguments.of("MPP and status", Filter.ANY.mpp("KAB-BANJAR").status(IN_PROCESS),
                        List.of("nib-banjar", "skck-banjar")),
                Arguments.of("MPP, status and service", Filter.ANY.mpp("KAB-BANJAR").status(IN_PROCESS).service("DPMPTSP-NIB"),
                        List.of("nib-banjar")),
                Arguments.of("every criterion", Filter.ANY.mpp("KAB-BANJAR").agency("POLRI").service("POLRI-SKCK")
                        .status(IN_PROCESS).from(day(2)).to(day(3)), List.of("skck-banjar")),
                Arguments.of("criteria no application meets together", Filter.ANY.mpp("KOTA-MALANG").service("POLRI-SKCK"),
                        List.of()));
    }

    @Test
    void pagesThroughApplicationsNewestFirst() {
        var newestFirst = new ArrayList<>(projectHourly(25, index -> "KAB-BANJAR"));
        Collections.reverse(newestFirst);

        var pages = IntStream.rangeClosed(0, 3).mapToObj(page -> queries.handle(Filter.ANY.page(page, 10))).toList();

        assertThat(pages).extracting(ApplicationPage::page, ApplicationPage::size, page -> page.content().size(),
                        ApplicationPage::totalElements, ApplicationPage::totalPages)
                .containsExactly(tuple(0, 10, 10, 25L, 3L), tuple(1, 10, 10, 25L, 3L), tuple(2, 10, 5, 25L, 3L),
                        tuple(3, 10, 0, 25L, 3L));
        assertThat(pages.stream().flatMap(page -> page.content().stream()).map(ApplicationSummary::applicationId))
                .containsExactlyElementsOf(newestFirst);
    }

    @Test
    void pagesCountOnlyTheApplicationsMatchingTheFilter() {
        projectHourly(25, index -> index % 2 == 0 ? "KAB-BANJAR" : "KOTA-MALANG");

        var lastPage = queries.handle(Filter.ANY.mpp("KAB-BANJAR").page(2, 5));

        assertThat(lastPage.totalElements()).isEqualTo(13);
        assertThat(lastPage.totalPages()).isEqualTo(3);
        assertThat(lastPage.content()).hasSize(3).extracting(ApplicationSummary::mppCode).containsOnly("KAB-BANJAR");
    }

    @Test
    void summariesShowNoPersonalData() {
        projectFiveApplications();

        var page = queries.handle(Filter.ANY.page(0, 20));

        assertThat(page.content()).hasSize(5);
        assertNoPersonalData(json(page));
    }

    private static void assertNoPersonalData(String json) {
        var applicant = ApplicationStream.APPLICANT;
        assertThat(json).doesNotContain(applicant.nik().value(), applicant.name(), applicant.phone(), applicant.email());
    }

    /** Five applications, one submitted each day, differing in MPP, service, agency and status. */
    private Map<String, ApplicationStream> projectFiveApplications() {
        return Map.of(
                "ktp-banjar", project(ktpAtBanjar(day(1))),
                "skck-banjar", project(ApplicationStream.submitted(siti, "KAB-BANJAR", "POLRI-SKCK", "POLRI", Channel.COUNTER, day(2))
                        .verified().routed("POLRI").processingStarted()),
                "ktp-malang", project(ApplicationStream.submitted(siti, "KOTA-MALANG", "DUKCAPIL-KTP-EL", "DUKCAPIL", Channel.COUNTER, day(3))
                        .verified().routed("DUKCAPIL").processingStarted().completed("KTP-EL/3573/2026/0007")),
                "nib-malang", project(ApplicationStream.submitted(siti, "KOTA-MALANG", "DPMPTSP-NIB", "DPMPTSP", Channel.ONLINE, day(4))
                        .verified().routed("DPMPTSP").rerouted("DJP", "NPWP belum terdaftar")),
                "nib-banjar", project(ApplicationStream.submitted(siti, "KAB-BANJAR", "DPMPTSP-NIB", "DPMPTSP", Channel.ROADSHOW, day(5))
                        .verified().routed("DPMPTSP").processingStarted()));
    }

    /** Submitted applications an hour apart, oldest first; returns their ids. */
    private List<String> projectHourly(int count, IntFunction<String> mpp) {
        return IntStream.range(0, count)
                .mapToObj(index -> project(ApplicationStream.submitted(siti, mpp.apply(index), "DUKCAPIL-KTP-EL", "DUKCAPIL",
                        Channel.COUNTER, FIRST_DAY.plus(Duration.ofHours(index)))))
                .map(application -> application.id().value())
                .toList();
    }

    private ApplicationStream project(ApplicationStream application) {
        feed.live(application.events());
        return application;
    }

    private ApplicationStream ktpAtBanjar(Instant at) {
        return ApplicationStream.submitted(siti, "KAB-BANJAR", "DUKCAPIL-KTP-EL", "DUKCAPIL", Channel.ONLINE, at);
    }

    private static Instant day(int day) {
        return FIRST_DAY.plus(Duration.ofDays(day - 1));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The criteria of a {@link ListApplications}, set one at a time; null matches all. */
    record Filter(String mpp, String agency, String service, ApplicationStatus status, Instant from, Instant to) {

        static final Filter ANY = new Filter(null, null, null, null, null, null);

        Filter mpp(String code) {
            return new Filter(code, agency, service, status, from, to);
        }

        Filter agency(String code) {
            return new Filter(mpp, code, service, status, from, to);
        }

        Filter service(String code) {
            return new Filter(mpp, agency, code, status, from, to);
        }

        Filter status(ApplicationStatus value) {
            return new Filter(mpp, agency, service, value, from, to);
        }

        Filter from(Instant inclusive) {
            return new Filter(mpp, agency, service, status, inclusive, to);
        }

        Filter to(Instant exclusive) {
            return new Filter(mpp, agency, service, status, from, exclusive);
        }

        ListApplications page(int page, int size) {
            return new ListApplications(mpp == null ? null : MppCode.of(mpp), agency == null ? null : AgencyCode.of(agency),
                    service == null ? null : ServiceCode.of(service), status, from, to, false, page, size);
        }
    }
}

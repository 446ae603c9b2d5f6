package id.mpp.tracker.catalogue;

import id.mpp.tracker.catalogue.ServiceStandard.DayUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CatalogueReaderTest {

    /** The list as Kementerian PANRB announced it on 5 December 2022, spelling slips included. */
    private static final String INAUGURATED_2022_12_05 = """
            MPP Kabupaten Tanjung Jabung Barat, Kabupaten Kutai Kertanegara, Kabupaten Banjar, Kabupaten Bulungan, \
            Kabupaten Sumenep, Kabupaten Lumajang, Kabupaten Nganjuk, Kabupaten Cilacap, Kabupaten Brebes, \
            Kabupaten Rembang, Kabupateb Grobogan, Kabupaten Boyolali, Kabupaten Klaten, Kabupaten Gunung Kidul, \
            Kabupaten Kudus, Kota Semarang, Kota Metro, Kota Manado, Kota Kendari, Kota Tarakan, Kota Balikpapan, \
            Kota Bontang, Kota Malang, Kota Batu, Kota Serang, dan Kota Cilegon""";

    private static final Catalogue BUNDLED = bundled();

    private static Catalogue bundled() {
        try (InputStream yaml = CatalogueReaderTest.class.getResourceAsStream("/catalogue/catalogue.yaml")) {
            assertThat(yaml).as("catalogue/catalogue.yaml on the classpath").isNotNull();
            return CatalogueReader.read(yaml, "bundled");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void bundledCatalogueLoadsWithAVersion() {
        assertThat(BUNDLED.version()).isNotBlank();
        assertThat(BUNDLED.description()).isNotBlank();
    }

    @Test
    void holdsEveryMppInauguratedOn5December2022() {
        List<String> announced = Arrays.stream(INAUGURATED_2022_12_05.replaceFirst("^MPP ", "").split(",\\s*(dan\\s+)?"))
                .map(CatalogueReaderTest::comparable).toList();
        Map<String, Mpp> byRegion = BUNDLED.mpps().stream()
                .collect(Collectors.toMap(m -> comparable(m.region()), Function.identity()));

        assertThat(announced).hasSize(26).doesNotHaveDuplicates();
        assertThat(byRegion).containsKeys(announced.toArray(String[]::new));
        assertThat(announced).allSatisfy(region -> assertThat(byRegion.get(region).inaugurated())
                .as(region).isEqualTo(LocalDate.of(2022, 12, 5)));
        assertThat(BUNDLED.mpps()).filteredOn(m -> LocalDate.of(2022, 12, 5).equals(m.inaugurated())).hasSize(26);
    }

    /** Tolerates the spellings that differ between the announcement and official names. */
    private static String comparable(String region) {
        return region.toLowerCase(Locale.ROOT)
                .replace("kabupateb", "kabupaten")
                .replace("kertanegara", "kartanegara")
                .replaceAll("\\s+", "");
    }

    @ParameterizedTest
    @CsvSource({"KOTA-SURABAYA, 2017-10-06", "PROV-DKI-JAKARTA, 2017-10-12", "KOTA-BATAM,"})
    void holdsTheOlderMpps(String code, LocalDate inaugurated) {
        assertThat(BUNDLED.mpp(MppCode.of(code))).get().extracting(Mpp::inaugurated).isEqualTo(inaugurated);
    }

    @Test
    void holdsEnoughAgenciesAndServices() {
        assertThat(BUNDLED.agencies()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(allServices()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void countsSomeServicesInCalendarDays() {
        assertThat(allServices()).anySatisfy(s -> assertThat(s.standard().unit()).isEqualTo(DayUnit.CALENDAR_DAYS));
    }

    @Test
    void everyServiceHasAUsableStandard() {
        assertThat(allServices()).allSatisfy(s -> {
            assertThat(s.standard().days()).as(s.code().value()).isPositive();
            assertThat(s.requiredDocuments()).as(s.code().value()).isNotEmpty();
            assertThat(BUNDLED.agency(s.agency())).as(s.code().value()).isPresent();
        });
    }

    @Test
    void everyMppIsInTheTimeZoneOfItsProvince() {
        // WITA and WIT provinces; the rest of Indonesia keeps WIB (UTC+7)
        Set<String> wita = Set.of("Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Selatan",
                "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara", "Sulawesi Tengah", "Sulawesi Selatan",
                "Sulawesi Tenggara", "Sulawesi Barat", "Gorontalo");
        assertThat(BUNDLED.mpps()).allSatisfy(mpp -> {
            int expectedHours = wita.contains(mpp.province()) ? 8
                    : mpp.province().startsWith("Papua") || mpp.province().startsWith("Maluku") ? 9 : 7;
            assertThat(offsetOf(mpp.zone())).as(mpp.code() + " in " + mpp.province())
                    .isEqualTo(ZoneOffset.ofHours(expectedHours));
        });
    }

    @ParameterizedTest
    @CsvSource({"KOTA-MANADO, Asia/Makassar", "KOTA-BALIKPAPAN, Asia/Makassar", "KOTA-JAYAPURA, Asia/Jayapura",
            "PROV-DKI-JAKARTA, Asia/Jakarta", "KAB-GUNUNGKIDUL, Asia/Jakarta"})
    void knowsTheZoneOf(String code, String zone) {
        assertThat(BUNDLED.mpp(MppCode.of(code))).get().extracting(Mpp::zone).isEqualTo(ZoneId.of(zone));
    }

    @Test
    void filtersServicesByMpp() {
        Mpp manado = BUNDLED.mpp(MppCode.of("KOTA-MANADO")).orElseThrow();

        assertThat(BUNDLED.services(Optional.of(manado.code()), Optional.empty()))
                .extracting(Service::code).containsExactlyInAnyOrderElementsOf(manado.services());
    }

    @Test
    void filtersServicesByAgency() {
        var dukcapil = AgencyCode.of("DUKCAPIL");

        assertThat(BUNDLED.services(Optional.empty(), Optional.of(dukcapil)))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.agency()).isEqualTo(dukcapil))
                .hasSameElementsAs(allServices().stream().filter(s -> s.agency().equals(dukcapil)).toList());
    }

    @Test
    void filtersServicesByMppAndAgency() {
        var cilacap = BUNDLED.mpp(MppCode.of("KAB-CILACAP")).orElseThrow();
        var imigrasi = AgencyCode.of("IMIGRASI");

        assertThat(BUNDLED.services(Optional.of(cilacap.code()), Optional.of(imigrasi)))
                .isNotEmpty()
                .hasSameElementsAs(allServices().stream()
                        .filter(s -> cilacap.offers(s.code()) && s.agency().equals(imigrasi)).toList());
    }

    @Test
    void listsServicesSortedByCode() {
        assertThat(allServices()).extracting(s -> s.code().value()).isSorted();
    }

    @Test
    void anUnknownMppOffersNothing() {
        assertThat(BUNDLED.services(Optional.of(MppCode.of("KOTA-ATLANTIS")), Optional.empty())).isEmpty();
    }

    private static List<Service> allServices() {
        return BUNDLED.services(Optional.empty(), Optional.empty());
    }

    private static ZoneOffset offsetOf(ZoneId zone) {
        return zone.getRules().getOffset(Instant.parse("2025-01-01T00:00:00Z"));
    }

    // --- invalid catalogues -------------------------------------------------------------------------------------

    static Stream<Arguments> invalidCatalogues() {
        return Stream.of(
                arguments("an MPP offers an unknown service",
                        yaml(mpp("KOTA-A", "SVC-A", "SVC-GHOST"), agency("AG-A"), service("SVC-A", "AG-A", 3)),
                        List.of("MPP KOTA-A offers unknown service SVC-GHOST")),
                arguments("a service belongs to an unknown agency",
                        yaml(mpp("KOTA-A", "SVC-A"), agency("AG-A"), service("SVC-A", "AG-GHOST", 3)),
                        List.of("service SVC-A belongs to unknown agency AG-GHOST")),
                arguments("duplicate MPP, agency and service codes",
                        yaml(mpp("KOTA-A", "SVC-A") + mpp("KOTA-A", "SVC-A"), agency("AG-A") + agency("AG-A"),
                                service("SVC-A", "AG-A", 3) + service("SVC-A", "AG-A", 3)),
                        List.of("MPP code KOTA-A appears twice", "agency code AG-A appears twice",
                                "service code SVC-A appears twice")),
                arguments("a standard of zero days",
                        yaml(mpp("KOTA-A", "SVC-A"), agency("AG-A"), service("SVC-A", "AG-A", 0)),
                        List.of("service SVC-A needs a standard of at least 1 day with its unit")),
                arguments("a service offered by no MPP",
                        yaml(mpp("KOTA-A", "SVC-A"), agency("AG-A"), service("SVC-A", "AG-A", 3) + service("SVC-B", "AG-A", 3)),
                        List.of("service SVC-B is offered by no MPP")),
                arguments("no version",
                        yaml(mpp("KOTA-A", "SVC-A"), agency("AG-A"), service("SVC-A", "AG-A", 3)).replace("version: \"test-1\"", ""),
                        List.of("has no version")),
                arguments("every problem at once",
                        yaml(mpp("KOTA-A", "SVC-A", "SVC-GHOST") + mpp("KOTA-A", "SVC-A"), agency("AG-A"),
                                service("SVC-A", "AG-GHOST", 0) + service("SVC-B", "AG-A", 3)),
                        List.of("MPP KOTA-A offers unknown service SVC-GHOST",
                                "MPP code KOTA-A appears twice",
                                "service SVC-A belongs to unknown agency AG-GHOST",
                                "service SVC-A needs a standard of at least 1 day with its unit",
                                "service SVC-B is offered by no MPP")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCatalogues")
    void refusesAnInconsistentCatalogueListingEveryProblem(String description, String yaml, List<String> problems) {
        assertThatThrownBy(() -> read(yaml))
                .isInstanceOfSatisfying(InvalidCatalogueException.class, e -> {
                    assertThat(e.problems()).containsExactlyInAnyOrderElementsOf(problems);
                    assertThat(e.getMessage()).startsWith("Catalogue inline is invalid")
                            .contains(problems.stream().map(p -> "\n - " + p).toList());
                });
    }

    @Test
    void refusesAnUnknownField() {
        String yaml = yaml(mpp("KOTA-A", "SVC-A") + "    colour: green\n", agency("AG-A"), service("SVC-A", "AG-A", 3));

        assertThatThrownBy(() -> read(yaml))
                .isInstanceOfSatisfying(InvalidCatalogueException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("cannot be read").contains("colour"));
    }

    @Test
    void theInlineTemplateIsItselfValid() {
        Catalogue catalogue = read(yaml(mpp("KOTA-A", "SVC-A"), agency("AG-A"), service("SVC-A", "AG-A", 3)));

        assertThat(catalogue.version()).isEqualTo("test-1");
        assertThat(catalogue.mpp(MppCode.of("KOTA-A"))).get().extracting(Mpp::services).isEqualTo(Set.of(ServiceCode.of("SVC-A")));
    }

    private static Catalogue read(String yaml) {
        return CatalogueReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "inline");
    }

    private static String yaml(String mpps, String agencies, String services) {
        return "version: \"test-1\"\nmpps:\n" + mpps + "agencies:\n" + agencies + "services:\n" + services;
    }

    private static String mpp(String code, String... services) {
        return """
                  - code: %s
                    name: MPP %s
                    region: Kota A
                    province: Jawa Barat
                    zone: Asia/Jakarta
                    inaugurated: 2020-01-01
                    size: SMALL
                    services: [%s]
                """.formatted(code, code, String.join(", ", services));
    }

    private static String agency(String code) {
        return """
                  - code: %s
                    name: Agency %s
                    level: REGIONAL
                """.formatted(code, code);
    }

    private static String service(String code, String agency, int days) {
        return """
                  - code: %s
                    name: Service %s
                    agency: %s
                    standard: {days: %d, unit: WORKING_DAYS}
                    requiredDocuments: [KTP-el]
                    deemedApproval: false
                    sample: true
                """.formatted(code, code, agency, days);
    }
}

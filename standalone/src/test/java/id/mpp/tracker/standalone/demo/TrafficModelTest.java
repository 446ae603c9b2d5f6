package id.mpp.tracker.standalone.demo;

import id.mpp.tracker.application.Nik;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.CatalogueReader;
import id.mpp.tracker.catalogue.Mpp;
import id.mpp.tracker.catalogue.MppCode;
import id.mpp.tracker.catalogue.MppSize;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficModelTest {

    private static final Catalogue CATALOGUE = CatalogueReader.read(
            TrafficModelTest.class.getResourceAsStream("/catalogue/catalogue.yaml"), "test");
    private static final Mpp SURABAYA = CATALOGUE.mpp(MppCode.of("KOTA-SURABAYA")).orElseThrow();
    private static final Instant MONDAY_9_WIB = Instant.parse("2026-03-02T02:00:00Z");

    private final TrafficModel model = new TrafficModel(CATALOGUE, new Random(7), 2000);

    @Test
    void dukcapilIsTheBusiestAgency() {
        Map<String, Integer> byAgency = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            byAgency.merge(model.serviceAt(SURABAYA).agency().value(), 1, Integer::sum);
        }

        var busiest = byAgency.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        assertThat(busiest.getKey()).isEqualTo("DUKCAPIL");
        assertThat(busiest.getValue()).isGreaterThan(3000 / 4);
    }

    @Test
    void largeMppsReceiveMoreThanSmallOnesAndCountersAreBusierByDayThanAtNight() {
        Mpp large = CATALOGUE.mpps().stream().filter(mpp -> mpp.size() == MppSize.LARGE).findFirst().orElseThrow();
        Mpp small = CATALOGUE.mpps().stream().filter(mpp -> mpp.size() == MppSize.SMALL && mpp.zone().equals(large.zone()))
                .findFirst().orElseThrow();

        assertThat(model.arrivalsPerHour(large, MONDAY_9_WIB)).isEqualTo(4 * model.arrivalsPerHour(small, MONDAY_9_WIB));
        assertThat(model.arrivalsPerHour(large, MONDAY_9_WIB))
                .isGreaterThan(10 * model.arrivalsPerHour(large, Instant.parse("2026-03-01T18:00:00Z")));
    }

    @Test
    void journeysAreInTimeOrderWithValidApplicantsAndEndInOneOutcome() {
        for (int i = 0; i < 500; i++) {
            Journey journey = model.journey(SURABAYA, model.serviceAt(SURABAYA), MONDAY_9_WIB);
            List<Journey.Step> steps = journey.steps();

            assertThat(steps.get(0).action()).isEqualTo("submit");
            var applicant = (Map<?, ?>) ((Map<?, ?>) steps.get(0).body()).get("applicant");
            Nik.parse((String) applicant.get("nik"));
            for (int s = 1; s < steps.size(); s++) {
                assertThat(steps.get(s).at()).isAfterOrEqualTo(steps.get(s - 1).at());
            }
            var actions = steps.stream().map(Journey.Step::action).toList();
            assertThat(actions.stream().filter(List.of("complete", "reject", "withdraw")::contains)).hasSize(1);
            if (actions.contains("collect")) {
                assertThat(actions.indexOf("collect")).isGreaterThan(actions.indexOf("complete"));
            }
        }
    }
}

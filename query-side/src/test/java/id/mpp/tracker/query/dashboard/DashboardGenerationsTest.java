package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.query.application.ReadModelTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardGenerationsTest extends ReadModelTest {

    private static final Instant NOW = Instant.parse("2026-03-09T01:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void dashboardsNotCountedYetWillBeCountedWithThisVersionsSchema() {
        assertThat(new DashboardGenerations(mongo, clock).schema()).isEqualTo(DashboardStore.SCHEMA);
    }

    @Test
    void dashboardsCountedBeforeSchemasWereRecordedAreOfTheFirstUntilARebuildSwitches() {
        mongo.getCollection(DashboardStore.BACKLOG).insertOne(new Document("_id", "national").append("status", new Document("ROUTED", 3)));

        var generations = new DashboardGenerations(mongo, clock);
        assertThat(generations.schema()).isEqualTo(1);
        assertThat(new DashboardGenerations(mongo, clock).schema()).as("after a restart").isEqualTo(1);

        generations.switchTo(1);
        assertThat(generations.schema()).isEqualTo(DashboardStore.SCHEMA);
        assertThat(generations.current()).isEqualTo(1);
    }

    @Test
    void oneInstanceAtATimeRebuildsUntilItReleasesOrItsClaimExpires() {
        var generations = new DashboardGenerations(mongo, clock);

        assertThat(generations.claimRebuild("a", NOW.plusSeconds(120))).isTrue();
        assertThat(generations.claimRebuild("b", NOW.plusSeconds(120))).isFalse();
        assertThat(generations.claimRebuild("a", NOW.plusSeconds(240))).as("renewed by its owner").isTrue();
        generations.releaseRebuild("b");
        assertThat(generations.claimRebuild("b", NOW.plusSeconds(120))).as("released only by its owner").isFalse();
        generations.releaseRebuild("a");
        assertThat(generations.claimRebuild("b", NOW.plusSeconds(120))).isTrue();

        var later = new DashboardGenerations(mongo, Clock.offset(clock, Duration.ofSeconds(121)));
        assertThat(later.claimRebuild("c", NOW.plusSeconds(300))).as("b stopped renewing").isTrue();
    }
}

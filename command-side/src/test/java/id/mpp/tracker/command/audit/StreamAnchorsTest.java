package id.mpp.tracker.command.audit;

import id.mpp.tracker.audit.StreamAnchored;
import id.mpp.tracker.command.application.CommandRefusedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static id.mpp.tracker.audit.StreamAnchored.GLOBAL_LOG;

/** The anchor log keeps anchors contiguous: each starts where the one before ended, none seals nothing. */
class StreamAnchorsTest {

    private static final Instant FIRST_AT = Instant.parse("2026-11-30T01:00:00Z");
    private static final Instant LAST_AT = Instant.parse("2026-11-30T01:59:00Z");
    private static final String ROLLUP = "a".repeat(64);

    private AggregateTestFixture<StreamAnchors> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(StreamAnchors.class);
    }

    @Test
    void theFirstAnchorStartsAtTheStartOfTheStream() {
        fixture.givenNoPriorActivity()
                .when(new AnchorStream(GLOBAL_LOG, -1, 120, 118, ROLLUP, FIRST_AT, LAST_AT))
                .expectEvents(new StreamAnchored(GLOBAL_LOG, -1, 120, 118, ROLLUP, FIRST_AT, LAST_AT))
                .expectResultMessagePayload(120L);
    }

    @Test
    void eachAnchorStartsWhereTheLastOneEnded() {
        fixture.given(new StreamAnchored(GLOBAL_LOG, -1, 120, 118, ROLLUP, FIRST_AT, LAST_AT))
                .when(new AnchorStream(GLOBAL_LOG, 120, 250, 130, ROLLUP, FIRST_AT, LAST_AT))
                .expectEvents(new StreamAnchored(GLOBAL_LOG, 120, 250, 130, ROLLUP, FIRST_AT, LAST_AT));
    }

    @Test
    void aStretchAnchoredMeanwhileByAnotherInstanceIsNotAnchoredTwice() {
        fixture.given(new StreamAnchored(GLOBAL_LOG, -1, 120, 118, ROLLUP, FIRST_AT, LAST_AT),
                        new StreamAnchored(GLOBAL_LOG, 120, 250, 130, ROLLUP, FIRST_AT, LAST_AT))
                .when(new AnchorStream(GLOBAL_LOG, 120, 260, 140, ROLLUP, FIRST_AT, LAST_AT))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof CommandRefusedException refused
                        && "anchor-not-contiguous".equals(refused.refusal().properties().get("rule"))
                        && refused.getMessage().contains("ends at 250")));
    }

    @Test
    void aGapBetweenAnchorsIsRefused() {
        fixture.given(new StreamAnchored(GLOBAL_LOG, -1, 120, 118, ROLLUP, FIRST_AT, LAST_AT))
                .when(new AnchorStream(GLOBAL_LOG, 130, 250, 120, ROLLUP, FIRST_AT, LAST_AT))
                .expectNoEvents()
                .expectException(CommandRefusedException.class);
    }

    @Test
    void anAnchorSealsAtLeastOneEvent() {
        fixture.given(new StreamAnchored(GLOBAL_LOG, -1, 120, 118, ROLLUP, FIRST_AT, LAST_AT))
                .when(new AnchorStream(GLOBAL_LOG, 120, 120, 0, ROLLUP, FIRST_AT, LAST_AT))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof CommandRefusedException refused
                        && "empty-anchor".equals(refused.refusal().properties().get("rule"))));
    }
}

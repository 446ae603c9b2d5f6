package id.mpp.tracker.query.audit;

import id.mpp.tracker.platform.web.BusyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplaySlotsTest {

    @Test
    void asManyReplaysRunAsThereAreSlotsAndAFreedSlotIsTakenAgain() {
        var slots = new ReplaySlots(2);
        var first = slots.take();
        var second = slots.take();

        assertThatThrownBy(slots::take).isInstanceOf(BusyException.class)
                .hasMessageContaining("2 replays are running")
                .satisfies(busy -> assertThat(((BusyException) busy).retryAfter()).isPositive());

        first.close();
        try (var third = slots.take()) {
            assertThat(third).isNotNull();
        }
        second.close();
    }
}

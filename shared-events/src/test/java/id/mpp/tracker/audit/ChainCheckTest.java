package id.mpp.tracker.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Events recorded before hashing began stay checkable through the links after them; later ones must carry hashes. */
class ChainCheckTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void aHistoryBegunBeforeHashingIsIntactWhenItsFirstHashedEventLinksToIt() {
        RecordedEvent legacy = event(0, null);
        RecordedEvent next = hashed(event(1, EventHashes.hash(legacy)));
        ChainCheck check = ChainCheck.ofWholeHistories();

        assertThat(check.check(legacy, 1L)).isEmpty();
        assertThat(check.check(next, 2L)).isEmpty();
        assertThat(check.unhashed()).isEqualTo(1);
        assertThat(check.breaks()).isZero();
    }

    @Test
    void aChangedUnhashedEventBreaksTheLinkOfTheEventAfterIt() {
        RecordedEvent legacy = event(0, null);
        RecordedEvent next = hashed(event(1, EventHashes.hash(legacy)));
        RecordedEvent changed = new RecordedEvent(legacy.aggregateType(), legacy.aggregateId(), 0, legacy.eventId(),
                legacy.timestamp(), legacy.payloadType(), legacy.payloadRevision(), NODES.objectNode().put("reason", "changed"),
                legacy.metadata(), null, null);
        ChainCheck check = ChainCheck.ofWholeHistories();

        check.check(changed, 1L);

        assertThat(check.check(next, 2L)).get().extracting(ChainBreak::problem).isEqualTo("chain-broken");
    }

    @Test
    void aHashStrippedFromAnEventAfterHashingBeganIsABreak() {
        RecordedEvent first = hashed(event(0, EventHashes.GENESIS));
        RecordedEvent stripped = event(1, null);
        ChainCheck check = ChainCheck.ofWholeHistories();

        check.check(first, 1L);

        assertThat(check.check(stripped, 2L)).get().extracting(ChainBreak::problem).isEqualTo("missing-hash");
    }

    private static RecordedEvent hashed(RecordedEvent event) {
        return event.withHash(EventHashes.hash(event));
    }

    private static RecordedEvent event(long sequence, String previousHash) {
        return new RecordedEvent("ServiceApplication", "a-1", sequence, "e-" + sequence, "2026-11-30T01:00:00Z",
                "id.mpp.tracker.application.ProcessingStarted", "1", NODES.objectNode().put("reason", "as recorded"),
                NODES.objectNode().put("principal", "agency-dukcapil"), previousHash, null);
    }
}

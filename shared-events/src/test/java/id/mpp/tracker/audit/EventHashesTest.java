package id.mpp.tracker.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash is SHA-256 over JSON with sorted keys and no white space, so that any tool can recompute it. */
class EventHashesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCanonicalFormSortsKeysAtEveryDepthAndHasNoWhiteSpace() throws Exception {
        var node = JSON.readTree("{ \"b\": 1, \"a\": { \"z\": [ { \"y\": true, \"x\": null } ], \"c\": \"Ä\" } }");

        assertThat(new String(EventHashes.canonical(node), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":{\"c\":\"Ä\",\"z\":[{\"x\":null,\"y\":true}]},\"b\":1}");
    }

    @Test
    void anEventsHashIsTheSha256OfItsCanonicalContentWhateverTheOrderOfItsFields() throws Exception {
        RecordedEvent event = event("{\"reason\":\"Berkas lengkap\",\"applicationId\":\"a-1\"}", EventHashes.GENESIS);
        RecordedEvent reordered = event("{\"applicationId\":\"a-1\",\"reason\":\"Berkas lengkap\"}", EventHashes.GENESIS);

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(EventHashes.canonical(event.content())));
        assertThat(EventHashes.hash(event)).isEqualTo(expected).isEqualTo(EventHashes.hash(reordered));
    }

    @Test
    void everyFieldAndThePreviousHashCountButTheHashesInTheMetadataDoNot() throws Exception {
        RecordedEvent event = event("{\"reason\":\"Berkas lengkap\"}", EventHashes.GENESIS);

        assertThat(EventHashes.hash(event("{\"reason\":\"Berkas lengkap.\"}", EventHashes.GENESIS))).isNotEqualTo(EventHashes.hash(event));
        assertThat(EventHashes.hash(event("{\"reason\":\"Berkas lengkap\"}", "1".repeat(64)))).isNotEqualTo(EventHashes.hash(event));
        ObjectNode withHashes = event.metadata().deepCopy().put(EventHashes.HASH_KEY, "f".repeat(64))
                .put(EventHashes.PREVIOUS_HASH_KEY, "e".repeat(64));
        RecordedEvent carryingHashes = new RecordedEvent(event.aggregateType(), event.aggregateId(), event.sequenceNumber(),
                event.eventId(), event.timestamp(), event.payloadType(), event.payloadRevision(), event.payload(), withHashes,
                event.previousHash(), null);
        assertThat(EventHashes.hash(carryingHashes)).isEqualTo(EventHashes.hash(event));
    }

    @Test
    void aChainedEventChecksAndItsChangeIsFound() throws Exception {
        RecordedEvent first = event("{\"reason\":\"Berkas lengkap\"}", EventHashes.GENESIS);
        first = first.withHash(EventHashes.hash(first));
        RecordedEvent changed = RecordedEvent.fromJson(first.toJson().put("timestamp", "2026-11-30T01:00:00.001Z"));

        assertThat(ChainCheck.ofWholeHistories().check(first, null)).isEmpty();
        assertThat(ChainCheck.ofWholeHistories().check(changed, null)).get()
                .extracting(ChainBreak::problem).isEqualTo("altered");
    }

    private static RecordedEvent event(String payload, String previousHash) throws Exception {
        ObjectNode metadata = JSON.createObjectNode().put("principal", "officer-surabaya");
        return new RecordedEvent("ServiceApplication", "a-1", 0, "e-1", "2026-11-30T01:00:00Z",
                "id.mpp.tracker.application.ApplicationVerified", "2", JSON.readTree(payload), metadata, previousHash, null);
    }
}

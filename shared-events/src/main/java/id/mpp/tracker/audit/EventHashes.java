package id.mpp.tracker.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a canonical JSON form (keys sorted, no white space, UTF-8 text as is), so that anyone holding an
 * event's fields can recompute its hash with a common JSON library (the README shows it in Python), and the hash does
 * not depend on how a store lays out its bytes.
 */
public final class EventHashes {

    /** Metadata key of an event's own hash. */
    public static final String HASH_KEY = "eventHash";
    /** Metadata key of the hash of the previous event of the same aggregate. */
    public static final String PREVIOUS_HASH_KEY = "previousEventHash";
    /** What the first event of an aggregate chains to. */
    public static final String GENESIS = "0".repeat(64);

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private EventHashes() {
    }

    public static String hash(RecordedEvent event) {
        return sha256(canonical(event.content()));
    }

    /** The next link of a chain of hashes: anchors roll the hashes of a stretch of the stream up this way. */
    public static String chain(String previous, String next) {
        return sha256((previous + next).getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] canonical(JsonNode node) {
        try {
            return CANONICAL.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not writable as JSON", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

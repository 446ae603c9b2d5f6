package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.mpp.tracker.audit.EventHashes;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The event store's rows as PostgreSQL holds them, read behind the application's back. */
final class EventStoreRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ONE_EVENT = " from DomainEventEntry where aggregateIdentifier = ? and sequenceNumber = ?";

    private final JdbcTemplate jdbc;

    EventStoreRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class);
    }

    /** The stored time of an application's event, as the store writes it (ISO, to the millisecond). */
    String timestamp(String id, long sequence) {
        return jdbc.queryForObject("select timeStamp" + ONE_EVENT, String.class, id, sequence);
    }

    String eventId(String id, long sequence) {
        return jdbc.queryForObject("select eventIdentifier" + ONE_EVENT, String.class, id, sequence);
    }

    long globalIndex(String id, long sequence) {
        return jdbc.queryForObject("select globalIndex" + ONE_EVENT, Long.class, id, sequence);
    }

    /** A byte column (payload, metaData) as text. */
    String text(String column, String id, long sequence) {
        return new String(jdbc.queryForObject("select " + column + ONE_EVENT, byte[].class, id, sequence), StandardCharsets.UTF_8);
    }

    /** The hash the event's stored metadata carries. */
    String hash(String id, long sequence) {
        try {
            return JSON.readTree(text("metaData", id, sequence)).path(EventHashes.HASH_KEY).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

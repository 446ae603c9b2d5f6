package id.mpp.tracker.query.audit;

import id.mpp.tracker.audit.EventHashes;
import id.mpp.tracker.audit.StreamAnchored;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** The anchors sealed over the global stream, as the event store holds them. */
@Component
class AnchorLog {

    private final EventStore eventStore;

    AnchorLog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    List<Anchor> all() {
        return eventStore.readEvents(StreamAnchored.GLOBAL_LOG, 0).asStream()
                .filter(event -> event.getPayload() instanceof StreamAnchored)
                .map(Anchor::of).toList();
    }

    /** The anchors by the position they start after, to find the one covering a position. */
    NavigableMap<Long, Anchor> byStart() {
        NavigableMap<Long, Anchor> anchors = new TreeMap<>();
        all().forEach(anchor -> anchors.put(anchor.afterPosition(), anchor));
        return anchors;
    }

    static Optional<Anchor> covering(NavigableMap<Long, Anchor> anchors, long position) {
        return Optional.ofNullable(anchors.floorEntry(position - 1)).map(entry -> entry.getValue())
                .filter(anchor -> position <= anchor.throughPosition());
    }

    /**
     * One anchor: its number in the log, the stretch it seals and the hash its own event carries, which chains it to
     * the anchor before (auditors may keep the latest one to compare later).
     */
    record Anchor(long number, String eventId, long afterPosition, long throughPosition, long events, String rollup,
                  Instant firstEventAt, Instant lastEventAt, Instant sealedAt, String anchorHash) {

        static Anchor of(DomainEventMessage<?> event) {
            StreamAnchored anchored = (StreamAnchored) event.getPayload();
            Object hash = event.getMetaData().get(EventHashes.HASH_KEY);
            return new Anchor(event.getSequenceNumber(), event.getIdentifier(), anchored.afterPosition(),
                    anchored.throughPosition(), anchored.events(), anchored.rollup(), anchored.firstEventAt(),
                    anchored.lastEventAt(), event.getTimestamp(), hash == null ? null : hash.toString());
        }
    }
}

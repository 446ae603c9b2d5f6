package id.mpp.tracker.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks events, in the order a store or an export gives them, against their hashes and against the event before
 * them in the same aggregate. Used by the system's verify endpoints and by the offline export verifier alike.
 */
public final class ChainCheck {

    /** Aggregates whose last link is remembered; older ones are checked alone when they come back. */
    private static final int REMEMBERED_AGGREGATES = 200_000;

    private final boolean wholeHistories;
    private final Map<String, Link> lastLinks = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
            return size() > REMEMBERED_AGGREGATES;
        }
    };
    private long eventsChecked;
    private long breaks;
    private long unhashed;
    private ChainBreak firstBreak;

    private ChainCheck(boolean wholeHistories) {
        this.wholeHistories = wholeHistories;
    }

    /** For whole histories: every aggregate must start at its first event. */
    public static ChainCheck ofWholeHistories() {
        return new ChainCheck(true);
    }

    /** For a stretch of the stream: histories may have begun before it. */
    public static ChainCheck ofStretch() {
        return new ChainCheck(false);
    }

    /** Checks the next event; returns the break it shows, if any. */
    public Optional<ChainBreak> check(RecordedEvent event, Long position) {
        eventsChecked++;
        ChainBreak found = findBreak(event, position);
        if (event.aggregateId() != null) {
            lastLinks.put(event.aggregateId(), new Link(event.sequenceNumber(),
                    event.hash() != null ? event.hash() : EventHashes.hash(event), event.hash() != null));
        }
        return Optional.ofNullable(found == null ? null : count(found));
    }

    /** Counts an event that could not be read as a break where it stands. */
    public ChainBreak unreadable(String eventId, String aggregateId, Long sequenceNumber, Long position, String detail) {
        eventsChecked++;
        return count(new ChainBreak(ChainProblem.UNREADABLE.code(), aggregateId, sequenceNumber, eventId, position,
                "The stored event cannot be read: " + detail));
    }

    /** Counts a break found beyond single events, such as a stretch that no longer matches its anchor. */
    public ChainBreak count(ChainBreak found) {
        breaks++;
        if (firstBreak == null) {
            firstBreak = found;
        }
        return found;
    }

    private ChainBreak findBreak(RecordedEvent event, Long position) {
        Link last = event.aggregateId() == null ? null : lastLinks.get(event.aggregateId());
        boolean hashed = event.hash() != null;
        if (!hashed && last != null && last.hashed()) {
            return ChainBreak.at(ChainProblem.MISSING_HASH, event, position, "The event carries no hash, though event "
                    + last.sequenceNumber() + " of " + event.aggregateId() + " before it does");
        }
        if (!hashed) {
            // recorded before events were hashed: the next event's link covers it, and so do the anchors
            unhashed++;
        } else {
            String recomputed = EventHashes.hash(event);
            if (!recomputed.equals(event.hash())) {
                return ChainBreak.at(ChainProblem.ALTERED, event, position, "The event carries hash " + event.hash()
                        + " but its fields hash to " + recomputed + ": it was changed after it was recorded");
            }
        }
        if (event.aggregateId() == null) {
            return null;
        }
        if (last == null) {
            return wholeHistories ? checkStart(event, position) : null;
        }
        if (event.sequenceNumber() <= last.sequenceNumber()) {
            return ChainBreak.at(ChainProblem.OUT_OF_ORDER, event, position, "Event " + event.sequenceNumber()
                    + " comes after event " + last.sequenceNumber() + " of " + event.aggregateId());
        }
        if (event.sequenceNumber() > last.sequenceNumber() + 1) {
            return ChainBreak.at(ChainProblem.MISSING_EVENTS, event, position, missing(last.sequenceNumber() + 1,
                    event.sequenceNumber() - 1, event.aggregateId()));
        }
        if (hashed && !Objects.equals(event.previousHash(), last.hash())) {
            return ChainBreak.at(ChainProblem.CHAIN_BROKEN, event, position, "The event names " + event.previousHash()
                    + " as the previous hash, but event " + last.sequenceNumber() + " hashes to " + last.hash()
                    + ": the event before it was replaced");
        }
        return null;
    }

    private ChainBreak checkStart(RecordedEvent event, Long position) {
        if (event.sequenceNumber() != 0) {
            return ChainBreak.at(ChainProblem.MISSING_START, event, position, missing(0, event.sequenceNumber() - 1,
                    event.aggregateId()));
        }
        if (event.hash() != null && !EventHashes.GENESIS.equals(event.previousHash())) {
            return ChainBreak.at(ChainProblem.CHAIN_BROKEN, event, position,
                    "The first event of " + event.aggregateId() + " names a previous hash");
        }
        return null;
    }

    private static String missing(long first, long last, String aggregateId) {
        return first == last ? "Event " + first + " of " + aggregateId + " is missing"
                : "Events " + first + " to " + last + " of " + aggregateId + " are missing";
    }

    public long eventsChecked() {
        return eventsChecked;
    }

    /** Events recorded before events were hashed (at the start of their histories), checked only through what follows. */
    public long unhashed() {
        return unhashed;
    }

    public long breaks() {
        return breaks;
    }

    public Optional<ChainBreak> firstBreak() {
        return Optional.ofNullable(firstBreak);
    }

    private record Link(long sequenceNumber, String hash, boolean hashed) {
    }
}

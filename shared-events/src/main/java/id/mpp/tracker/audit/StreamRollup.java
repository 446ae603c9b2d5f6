package id.mpp.tracker.audit;

/** Rolls the hashes of a stretch of the stream, with their positions, into one hash, in stream order. */
public final class StreamRollup {

    private String rollup = EventHashes.GENESIS;
    private long events;

    public void add(long position, RecordedEvent event) {
        String hash = event.hash() != null ? event.hash() : EventHashes.hash(event);
        rollup = EventHashes.chain(rollup, position + ":" + hash);
        events++;
    }

    /** A stored event that can no longer be read still takes its place. */
    public void addUnreadable(long position, String eventId) {
        rollup = EventHashes.chain(rollup, position + ":unreadable:" + eventId);
        events++;
    }

    public String rollup() {
        return rollup;
    }

    public long events() {
        return events;
    }
}

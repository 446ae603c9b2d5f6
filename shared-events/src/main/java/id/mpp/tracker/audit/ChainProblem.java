package id.mpp.tracker.audit;

/** What can be wrong with an event's place in its chain; the codes are stable, for auditors' tools. */
public enum ChainProblem {
    /** The stored event can no longer be read: its payload or metadata is no valid serialized form. */
    UNREADABLE("unreadable"),
    /** The event carries no hash. */
    MISSING_HASH("missing-hash"),
    /** The event's fields no longer hash to the hash it carries: payload, metadata, time or place changed. */
    ALTERED("altered"),
    /** The event names another previous hash than the event before it has: an event before it was replaced. */
    CHAIN_BROKEN("chain-broken"),
    /** Sequence numbers jump: events between them are missing. */
    MISSING_EVENTS("missing-events"),
    /** A sequence number comes again or goes back: events were reordered or duplicated. */
    OUT_OF_ORDER("out-of-order"),
    /** An aggregate's history does not start at its first event. */
    MISSING_START("missing-start"),
    /** A stretch of the global stream no longer rolls up to the anchor sealed over it. */
    ANCHOR_MISMATCH("anchor-mismatch");

    private final String code;

    ChainProblem(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

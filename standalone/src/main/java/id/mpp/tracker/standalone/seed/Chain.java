package id.mpp.tracker.standalone.seed;

import id.mpp.tracker.audit.EventHashes;

/**
 * Where one aggregate's history stands: its next sequence number and the hash of its last event. Kept in memory for
 * every aggregate the seed writes, so chaining the next event never reads the store back.
 */
class Chain {

    final String aggregateType;
    final String aggregateId;
    private long nextSequence;
    private String lastHash = EventHashes.GENESIS;

    Chain(String aggregateType, String aggregateId) {
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
    }

    long nextSequence() {
        return nextSequence;
    }

    String lastHash() {
        return lastHash;
    }

    void appended(String hash) {
        nextSequence++;
        lastHash = hash;
    }
}

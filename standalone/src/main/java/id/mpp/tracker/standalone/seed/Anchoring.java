package id.mpp.tracker.standalone.seed;

import id.mpp.tracker.audit.RecordedEvent;
import id.mpp.tracker.audit.StreamAnchored;
import id.mpp.tracker.audit.StreamRollup;
import id.mpp.tracker.command.audit.StreamAnchors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The anchors the command side's stream anchoring would have written had it run through the simulated past, as it
 * is scheduled ({@code mpp.audit.anchor-interval}, {@code -settle}, {@code -max-events}): every interval from the
 * start a round seals the stream after the last anchor up to the head as it stood one settling time before, in
 * stretches of at most max-events events, one anchor each. The stretches are rolled up as the events are written,
 * from the hashes just computed, instead of being read back. Each anchor is itself an event of the anchor log,
 * chained like any other, which a later stretch seals.
 */
final class Anchoring {

    private final long start;
    private final long interval;
    private final long settle;
    private final int maxEvents;
    private final Chain log = new Chain(StreamAnchors.class.getSimpleName(), StreamAnchored.GLOBAL_LOG);
    private final EventWriter writer;
    private final Acts acts;
    /** Stretches cut at max-events since the last head noted: sealed by the round after the next head is noted. */
    private final List<StreamAnchored> closed = new ArrayList<>();
    /** Stretches up to the last head noted: the next round seals them. */
    private final List<StreamAnchored> settled = new ArrayList<>();
    private long round = 1;
    private boolean headNoted;
    private long lastThrough = -1;
    private long lastPosition = -1;
    private StreamRollup open = new StreamRollup();
    private Instant openFirst;
    private Instant openLast;
    private long anchors;

    Anchoring(Instant start, Duration interval, Duration settle, int maxEvents, EventWriter writer, Acts acts) {
        if (interval.isZero() || interval.isNegative() || maxEvents < 1) {
            throw new IllegalArgumentException("Anchoring needs a positive mpp.audit.anchor-interval and -max-events");
        }
        if (settle.compareTo(interval) >= 0) {
            // the command side then notes heads only at its rounds; a seed does not simulate that schedule
            throw new IllegalArgumentException("A seed needs mpp.audit.anchor-settle (" + settle
                    + ") shorter than mpp.audit.anchor-interval (" + interval + ")");
        }
        this.start = start.toEpochMilli();
        this.interval = interval.toMillis();
        this.settle = Math.max(0, settle.toMillis());
        this.maxEvents = maxEvents;
        this.writer = writer;
        this.acts = acts;
    }

    /** The next moment anchoring acts: it notes the head the next round seals up to, or it runs that round. */
    long nextMoment() {
        return headNoted ? roundAt() : roundAt() - settle;
    }

    /** Does what is due at {@link #nextMoment()}; every event stored before that moment must have been written. */
    void runAt(long moment) {
        if (!headNoted && moment == roundAt() - settle) {
            // the head as it stands now is as far as the next round seals
            if (open.events() > 0) {
                close(lastPosition);
            }
            settled.addAll(closed);
            closed.clear();
            headNoted = true;
        }
        if (headNoted && moment == roundAt()) {
            Instant at = Instant.ofEpochMilli(moment);
            var sealing = List.copyOf(settled);
            settled.clear();
            for (StreamAnchored anchor : sealing) {
                writer.write(log, anchor, acts.bySystem(Acts.STREAM_ANCHORING), at);
                anchors++;
            }
            round++;
            headNoted = false;
        }
    }

    /** Every event, anchors too, in the order of its position. */
    void stored(long position, String hash, Instant at) {
        // a rollup takes nothing of an event but its position and hash
        open.add(position, new RecordedEvent(null, null, -1, "", "", "", null, null, null, null, hash));
        openFirst = openFirst == null ? at : openFirst;
        openLast = at;
        lastPosition = position;
        if (open.events() == maxEvents) {
            close(position);
        }
    }

    long anchors() {
        return anchors;
    }

    private void close(long through) {
        closed.add(new StreamAnchored(StreamAnchored.GLOBAL_LOG, lastThrough, through, open.events(), open.rollup(),
                openFirst, openLast));
        lastThrough = through;
        open = new StreamRollup();
        openFirst = null;
        openLast = null;
    }

    private long roundAt() {
        return start + round * interval;
    }
}

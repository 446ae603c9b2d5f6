package id.mpp.tracker.audit;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A stretch of the global event stream was sealed: the hashes of its events, with their positions, in stream order,
 * roll up to {@code rollup}. Anchors follow one another without gaps, and each is itself an event chained to the one
 * before, so removing, adding or reordering stored events anywhere shows, even the last event of a history.
 *
 * @param afterPosition   the stretch starts after this position (-1: at the start of the stream)
 * @param throughPosition the last position in the stretch
 */
@Revision("1")
public record StreamAnchored(String anchorLogId, long afterPosition, long throughPosition, long events, String rollup,
                             Instant firstEventAt, Instant lastEventAt) {

    /** The one anchor log of the global stream. */
    public static final String GLOBAL_LOG = "global-stream";
}

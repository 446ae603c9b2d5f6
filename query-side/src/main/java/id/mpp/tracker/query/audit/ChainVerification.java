package id.mpp.tracker.query.audit;

import id.mpp.tracker.application.ApplicationId;
import id.mpp.tracker.audit.ChainBreak;
import id.mpp.tracker.audit.ChainCheck;
import id.mpp.tracker.audit.ChainProblem;
import id.mpp.tracker.audit.RecordedEvent;
import id.mpp.tracker.audit.StreamRollup;
import id.mpp.tracker.platform.audit.GlobalStream;
import id.mpp.tracker.query.audit.AnchorLog.Anchor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Iterator;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Re-checks what the event store holds: one application's whole chain of hashes, or a stretch of the global stream,
 * event by event and against the anchors sealed over it.
 */
@Component
class ChainVerification {

    private final AuditedEvents events;
    private final AnchorLog anchorLog;

    ChainVerification(AuditedEvents events, AnchorLog anchorLog) {
        this.events = events;
        this.anchorLog = anchorLog;
    }

    ChainReport application(ApplicationId id) {
        ChainCheck check = ChainCheck.ofWholeHistories();
        String lastHash = null;
        for (DomainEventMessage<?> event : events.ofApplication(id)) {
            RecordedEvent recorded = check(check, event, null);
            lastHash = recorded == null ? null : recorded.hash();
        }
        return new ChainReport("application " + id.value(), check.breaks() == 0, check.eventsChecked(), check.breaks(),
                check.firstBreak().orElse(null), null, null, 0, 0, check.unhashed(), null, check.breaks() == 0 ? lastHash : null);
    }

    /**
     * Checks the stream from {@code from} (widened back to the start of the anchor it falls in), or after position
     * {@code after}, up to the head, to where the stream has moved past {@code to}, or to about {@code limit} events:
     * an anchor begun is finished. A report cut short says where to resume.
     */
    ChainReport stretch(Instant from, Long after, Instant to, int limit) {
        NavigableMap<Long, Anchor> anchors = anchorLog.byStart();
        GlobalStream stream = events.globalStream();
        TrackingToken start = after != null ? stream.after(after) : from != null ? alignedToAnchor(stream.at(from), anchors) : null;
        Stretch stretch = new Stretch(anchors, start == null ? -1 : start.position().orElse(-1));
        long head = stream.headPosition();
        boolean cut = false;
        try (Stream<TrackedEventMessage<?>> read = to == null ? stream.read(start) : stream.readUntil(start, to)) {
            Iterator<TrackedEventMessage<?>> iterator = read.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (stretch.check.eventsChecked() >= limit && !stretch.insideCheckedAnchor()) {
                    cut = true;
                    break;
                }
                stretch.add(event);
            }
        }
        return stretch.report(cut, !cut && stretch.lastPosition >= head);
    }

    private TrackingToken alignedToAnchor(TrackingToken start, NavigableMap<Long, Anchor> anchors) {
        long position = start == null ? -1 : start.position().orElse(-1);
        Optional<Anchor> covering = AnchorLog.covering(anchors, position + 1);
        return covering.isPresent() ? events.globalStream().after(covering.get().afterPosition()) : start;
    }

    private RecordedEvent check(ChainCheck check, EventMessage<?> event, Long position) {
        try {
            RecordedEvent recorded = events.recorded(event);
            check.check(recorded, position);
            return recorded;
        } catch (RuntimeException unreadable) {
            DomainEventMessage<?> domainEvent = event instanceof DomainEventMessage<?> d ? d : null;
            check.unreadable(event.getIdentifier(), domainEvent == null ? null : domainEvent.getAggregateIdentifier(),
                    domainEvent == null ? null : domainEvent.getSequenceNumber(), position, rootMessage(unreadable));
            return null;
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** One pass over a stretch: every event against its chain, and every anchor passed whole against its rollup. */
    private final class Stretch {

        private final ChainCheck check = ChainCheck.ofStretch();
        private final NavigableMap<Long, Anchor> anchors;
        private long lastPosition;
        private Long firstPosition;
        private Anchor open;
        private StreamRollup rollup;
        private long anchorsChecked;
        private long unanchored;

        Stretch(NavigableMap<Long, Anchor> anchors, long startPosition) {
            this.anchors = anchors;
            this.lastPosition = startPosition;
        }

        void add(TrackedEventMessage<?> event) {
            long position = GlobalStream.positionOf(event);
            if (open != null && position > open.throughPosition()) {
                close();
            }
            if (open == null) {
                startAnchorAt(position);
            }
            RecordedEvent recorded = check(check, event, position);
            if (rollup != null) {
                if (recorded != null) {
                    rollup.add(position, recorded);
                } else {
                    rollup.addUnreadable(position, event.getIdentifier());
                }
            }
            if (open == null) {
                unanchored++;
            }
            firstPosition = firstPosition == null ? position : firstPosition;
            lastPosition = position;
            if (open != null && position == open.throughPosition()) {
                close();
            }
        }

        /** A limit is kept only between anchors, so that every anchor the pass begins is checked whole. */
        boolean insideCheckedAnchor() {
            return open != null && rollup != null;
        }

        private void startAnchorAt(long position) {
            open = AnchorLog.covering(anchors, position).orElse(null);
            // an anchor is checked only when the pass saw its stretch from the start
            rollup = open != null && lastPosition <= open.afterPosition() ? new StreamRollup() : null;
        }

        private void close() {
            if (rollup != null) {
                anchorsChecked++;
                if (!rollup.rollup().equals(open.rollup()) || rollup.events() != open.events()) {
                    check.count(new ChainBreak(ChainProblem.ANCHOR_MISMATCH.code(), null, null, open.eventId(),
                            open.throughPosition(), "Anchor " + open.number() + " sealed " + open.events()
                            + " events at positions " + (open.afterPosition() + 1) + " to " + open.throughPosition()
                            + ", rolling up to " + open.rollup() + "; the store now holds " + rollup.events()
                            + " there, rolling up to " + rollup.rollup() + ": events were removed, added or reordered"));
                }
            }
            open = null;
            rollup = null;
        }

        ChainReport report(boolean cut, boolean reachedHead) {
            if (reachedHead && open != null) {
                // every anchor's own event lies after its stretch: the stream cannot end inside one unless events are gone
                close();
            }
            Long resumeAfter = cut ? lastPosition : null;
            return new ChainReport("stream", check.breaks() == 0, check.eventsChecked(), check.breaks(),
                    check.firstBreak().orElse(null), firstPosition, firstPosition == null ? null : lastPosition,
                    anchorsChecked, unanchored, check.unhashed(), resumeAfter, null);
        }
    }

    /**
     * What a check found.
     *
     * @param anchorsChecked  anchors whose whole stretch the check passed and compared
     * @param unanchoredEvents events after the last anchor, checked only against their chains
     * @param unhashedEvents  events recorded before events were hashed, covered by the links and anchors after them
     * @param resumeAfter     where to continue when the check stopped at its limit, else {@code null}
     * @param lastHash        the hash of the last event of a whole history: the head of its chain
     */
    record ChainReport(String scope, boolean intact, long eventsChecked, long breaks, ChainBreak firstBreak,
                       Long firstPosition, Long lastPosition, long anchorsChecked, long unanchoredEvents,
                       long unhashedEvents, Long resumeAfter, String lastHash) {
    }
}

package id.mpp.tracker.command.audit.chain;

import id.mpp.tracker.application.MetadataKeys;
import id.mpp.tracker.audit.StreamAnchored;
import id.mpp.tracker.audit.StreamRollup;
import id.mpp.tracker.command.application.Refusal;
import id.mpp.tracker.command.audit.AnchorStream;
import id.mpp.tracker.command.audit.StreamAnchors;
import id.mpp.tracker.platform.audit.GlobalStream;
import id.mpp.tracker.platform.audit.RecordedEvents;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Seals the stream, stretch by stretch, after the last anchor, up to the head of the stream as it was seen at least
 * {@code settle} ago: a transaction that took a position below that head has committed by then, unless it ran longer
 * than {@code settle}; one that commits later still is seen filling a gap behind, and its stretch waits a round.
 * (Event times are not used for this: a process whose clock ran ahead would hold anchoring back.)
 */
public class StreamAnchoring {

    public static final String PRINCIPAL = "system:stream-anchoring";
    private static final Logger log = LoggerFactory.getLogger(StreamAnchoring.class);

    private final EventStore eventStore;
    private final GlobalStream stream;
    private final RecordedEvents recordedEvents;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration settle;
    private final int maxEventsPerAnchor;
    private final Deque<HeadSeen> headsSeen = new ArrayDeque<>();

    StreamAnchoring(EventStore eventStore, GlobalStream stream, RecordedEvents recordedEvents, CommandGateway commands,
                    Clock clock, Duration settle, int maxEventsPerAnchor) {
        this.eventStore = eventStore;
        this.stream = stream;
        this.recordedEvents = recordedEvents;
        this.commands = commands;
        this.clock = clock;
        this.settle = settle;
        this.maxEventsPerAnchor = maxEventsPerAnchor;
    }

    /** Seals everything settled since the last anchor, in as many anchors as it takes; answers how many events. */
    public synchronized long anchor() {
        long settledHead = settledHead();
        long sealed = 0;
        long stretch;
        do {
            stretch = anchorOnce(settledHead);
            sealed += stretch;
        } while (stretch == maxEventsPerAnchor);
        return sealed;
    }

    /** Notes where the head of the stream is now, for an anchor {@code settle} later. */
    public synchronized void noteHead() {
        headsSeen.addLast(new HeadSeen(stream.headPosition(), clock.instant()));
    }

    /** Notes the head now; answers the latest head seen at least {@code settle} ago (-1 before there is one). */
    private long settledHead() {
        noteHead();
        Instant settledBy = clock.instant().minus(settle);
        HeadSeen settled = null;
        while (!headsSeen.isEmpty() && !headsSeen.peekFirst().at().isAfter(settledBy)) {
            settled = headsSeen.pollFirst();
        }
        if (settled != null) {
            headsSeen.addFirst(settled);
        }
        return settled == null ? -1 : settled.position();
    }

    private long anchorOnce(long settledHead) {
        long after = lastAnchoredPosition();
        if (settledHead <= after) {
            return 0;
        }
        StreamRollup rollup = new StreamRollup();
        long through = after;
        Instant first = null;
        Instant last = null;
        try (Stream<TrackedEventMessage<?>> events = stream.read(stream.after(after), settledHead)) {
            Iterator<TrackedEventMessage<?>> iterator = events.iterator();
            while (iterator.hasNext() && rollup.events() < maxEventsPerAnchor) {
                TrackedEventMessage<?> event = iterator.next();
                long position = GlobalStream.positionOf(event);
                if (position <= through) {
                    // a late commit filled a gap behind: the stretch has not settled, a later round seals it
                    log.info("Event at position {} came after position {}; anchoring waits for the next round", position, through);
                    return 0;
                }
                through = position;
                try {
                    rollup.add(through, recordedEvents.of(event));
                } catch (RuntimeException unreadable) {
                    log.warn("Event {} at position {} cannot be read; anchored as unreadable", event.getIdentifier(), through);
                    rollup.addUnreadable(through, event.getIdentifier());
                }
                first = first == null ? event.getTimestamp() : first;
                last = event.getTimestamp();
            }
        }
        if (rollup.events() == 0) {
            return 0;
        }
        var command = GenericCommandMessage.asCommandMessage(new AnchorStream(StreamAnchored.GLOBAL_LOG, after, through,
                rollup.events(), rollup.rollup(), first, last)).andMetaData(MetaData.with(MetadataKeys.PRINCIPAL, PRINCIPAL));
        try {
            commands.sendAndWait(command);
        } catch (CommandExecutionException refused) {
            if (anchoredElsewhere(refused)) {
                log.info("Stretch after position {} was anchored by another instance meanwhile", after);
                return 0;
            }
            throw refused;
        }
        log.info("Anchored {} events after position {} through {}: {}", rollup.events(), after, through, rollup.rollup());
        return rollup.events();
    }

    private static boolean anchoredElsewhere(CommandExecutionException refused) {
        return refused.getDetails().filter(Refusal.class::isInstance).map(Refusal.class::cast)
                .map(refusal -> StreamAnchors.NOT_CONTIGUOUS.equals(refusal.properties().get("rule")))
                .orElse(false);
    }

    private record HeadSeen(long position, Instant at) {
    }

    private long lastAnchoredPosition() {
        return eventStore.lastSequenceNumberFor(StreamAnchored.GLOBAL_LOG)
                .flatMap(last -> eventStore.readEvents(StreamAnchored.GLOBAL_LOG, last).asStream().findFirst())
                .map(anchor -> ((StreamAnchored) anchor.getPayload()).throughPosition())
                .orElse(-1L);
    }
}

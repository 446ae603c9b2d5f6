package id.mpp.tracker.platform.audit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads stretches of the global event stream, in stream order, up to the head as it was when reading began; the
 * same on a JDBC event store and on Axon Server. Positions are the stream's global sequence numbers. Reads come from
 * the storage itself, never from a copy an event store keeps in memory, so they show what is stored now.
 */
public final class GlobalStream {

    static final int PAST_THE_END = 1000;
    private static final Duration STRAGGLERS = Duration.ofMinutes(1);
    private static final Duration SILENCE = Duration.ofSeconds(30);

    private final EventStore eventStore;
    private final EventStorageEngine storage;

    /** @param storage the local storage engine, or {@code null} when the event store is a server read directly */
    public GlobalStream(EventStore eventStore, EventStorageEngine storage) {
        this.eventStore = eventStore;
        this.storage = storage;
    }

    /** Where reading starts to get the events stored at or after the given moment; {@code null} for the start. */
    public TrackingToken at(Instant moment) {
        return eventStore.createTokenAt(moment);
    }

    /** Where reading starts to get the events after the given position; {@code null} (the start) for -1. */
    public TrackingToken after(long position) {
        if (position < 0) {
            return null;
        }
        // a JDBC store reads from gap-aware tokens only; Axon Server from plain ones
        return storage instanceof JdbcEventStorageEngine
                ? GapAwareTrackingToken.newInstance(position, Collections.emptySortedSet())
                : new GlobalSequenceTrackingToken(position);
    }

    public long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * The events after the given token up to the current head, or until the stream has clearly moved past
     * {@code until}: {@value #PAST_THE_END} events in a row stored more than a minute after it. Event times follow
     * stream order only roughly (transactions commit in another order than they take their times; a process may run
     * with its clock ahead), so one late-stamped event does not end the reading; callers filter by time themselves.
     */
    public Stream<TrackedEventMessage<?>> readUntil(TrackingToken start, Instant until) {
        Instant pastTheEnd = until.plus(STRAGGLERS);
        int[] inARow = {0};
        return read(start).takeWhile(event -> {
            inARow[0] = event.getTimestamp().isAfter(pastTheEnd) ? inARow[0] + 1 : 0;
            return inARow[0] < PAST_THE_END;
        });
    }

    public static long positionOf(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElse(-1);
    }

    /** The events after the given token, up to the current head; close the stream when done. */
    public Stream<TrackedEventMessage<?>> read(TrackingToken start) {
        return read(start, headPosition());
    }

    /** The events after the given token, up to and including position {@code head}; close the stream when done. */
    public Stream<TrackedEventMessage<?>> read(TrackingToken start, long head) {
        if (storage != null) {
            Stream<? extends TrackedEventMessage<?>> stored = head < 0 ? Stream.empty() : storage.readEvents(start, false);
            return stored.<TrackedEventMessage<?>>map(event -> event).takeWhile(event -> positionOf(event) <= head);
        }
        BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(start);
        var spliterator = new Spliterators.AbstractSpliterator<TrackedEventMessage<?>>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            private boolean ended = head < 0 || (start != null && start.position().orElse(-1) >= head);
            private long position = start == null ? -1 : start.position().orElse(-1);

            @Override
            public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
                if (ended) {
                    return false;
                }
                try {
                    if (!events.hasNextAvailable((int) SILENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                        // the head is stored: a stream that falls silent before it must not pass for a whole one
                        throw new IllegalStateException("The event stream fell silent at position " + position
                                + ", before the head at " + head);
                    }
                    TrackedEventMessage<?> event = events.nextAvailable();
                    position = positionOf(event);
                    if (position > head) {
                        ended = true;
                        return false;
                    }
                    ended = position == head;
                    action.accept(event);
                    return true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while reading the event stream", e);
                }
            }
        };
        return StreamSupport.stream(spliterator, false).onClose(events::close);
    }
}

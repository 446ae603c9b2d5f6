package id.mpp.tracker.query.application;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.util.List;

/**
 * Hands stored events to the projection through Axon's own handler adapter, as a tracking processor does,
 * live or during a replay (a replay is told by its {@link ReplayToken}).
 */
public final class ProjectionFeed {

    /** Far beyond any test's events, so that every replayed event lies before the reset position. */
    private static final TrackingToken RESET_POSITION = new GlobalSequenceTrackingToken(1_000_000);

    private final AnnotationEventHandlerAdapter handlers;
    /** Each event keeps its position in the stream however often it is delivered, as in an event store. */
    private final Map<String, Long> positions = new HashMap<>();

    public ProjectionFeed(Object projection) {
        this.handlers = new AnnotationEventHandlerAdapter(projection);
    }

    public void live(StoredEvent event) {
        deliver(event, new GlobalSequenceTrackingToken(positionOf(event)));
    }

    public void live(List<StoredEvent> events) {
        events.forEach(this::live);
    }

    /**
     * Hands the events over as one batch of a tracking processor: one batching unit of work, each event through the
     * processor's interceptor, the whole batch rolled back (and the failure thrown) when one of them fails.
     */
    public void liveInOneBatch(List<StoredEvent> events, MessageHandlerInterceptor<EventMessage<?>> interceptor) {
        List<EventMessage<?>> messages = events.stream()
                .<EventMessage<?>>map(event -> tracked(event, new GlobalSequenceTrackingToken(positionOf(event))))
                .toList();
        var unitOfWork = new BatchingUnitOfWork<>(messages);
        var result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(interceptor),
                message -> handlers.handle(message)).proceed(), RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw result.exceptionResult() instanceof RuntimeException e ? e : new IllegalStateException(result.exceptionResult());
        }
    }

    public void replay(List<StoredEvent> events) {
        events.forEach(event -> deliver(event,
                ReplayToken.createReplayToken(RESET_POSITION, new GlobalSequenceTrackingToken(positionOf(event)))));
    }

    private long positionOf(StoredEvent event) {
        return positions.computeIfAbsent(event.identifier(), identifier -> (long) positions.size() + 1);
    }

    private static EventMessage<?> tracked(StoredEvent event, TrackingToken token) {
        var message = new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(), event.sequence(),
                event.payload(), MetaData.emptyInstance(), event.identifier(), event.at());
        return new GenericTrackedDomainEventMessage<>(token, message);
    }

    private void deliver(StoredEvent event, TrackingToken token) {
        try {
            handlers.handle(tracked(event, token));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

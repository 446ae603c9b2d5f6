package id.mpp.tracker.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

import java.util.function.Consumer;

/**
 * For projections that collect a tracking processor's batch of events in a resource of its unit of work: writes the
 * resource once the batch's last event is handled, still inside the processing of that event, so that a failure to
 * write rolls the batch back and it is retried, rather than after the processor has stored its token.
 */
public final class AfterLastEvent {

    private AfterLastEvent() {
    }

    /** An interceptor that hands the resource named {@code resource}, if the batch made one, to {@code flush}. */
    public static <T> MessageHandlerInterceptor<EventMessage<?>> flush(String resource, Consumer<T> flush) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork instanceof BatchingUnitOfWork<?> batching && batching.isLastMessage()) {
                T collected = batching.root().getResource(resource);
                if (collected != null) {
                    flush.accept(collected);
                }
            }
            return result;
        };
    }
}

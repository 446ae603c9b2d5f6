package id.mpp.tracker.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a projection can know of a tracking processor's whole batch before handling its first event. */
public final class BatchEvents {

    private BatchEvents() {
    }

    /** The ids of the aggregates of {@code aggregateType} that the batch's events belong to, in stream order. */
    public static Set<String> aggregateIds(List<? extends Message<?>> events, String aggregateType) {
        Set<String> ids = new LinkedHashSet<>();
        for (Message<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent && aggregateType.equals(domainEvent.getType())) {
                ids.add(domainEvent.getAggregateIdentifier());
            }
        }
        return ids;
    }
}

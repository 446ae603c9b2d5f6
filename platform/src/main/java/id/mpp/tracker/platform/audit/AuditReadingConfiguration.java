package id.mpp.tracker.platform.audit;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reading events as they are stored, for chaining, anchoring and auditing. */
@Configuration(proxyBeanMethods = false)
public class AuditReadingConfiguration {

    @Bean
    public RecordedEvents recordedEvents(@Qualifier("eventSerializer") Serializer eventSerializer) {
        return new RecordedEvents(eventSerializer);
    }

    /** On Axon Server there is no local storage engine: the event store reads from the server. */
    @Bean
    public GlobalStream globalStream(EventStore eventStore, ObjectProvider<EventStorageEngine> storage) {
        return new GlobalStream(eventStore, storage.getIfAvailable());
    }
}

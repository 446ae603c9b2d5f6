package id.mpp.tracker.command.audit;

import id.mpp.tracker.platform.audit.RecordedEvents;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Autowired
    void chainEventHashes(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer) {
        eventStore.registerDispatchInterceptor(new EventChaining(new RecordedEvents(eventSerializer), eventStore));
    }
}

package id.mpp.tracker.query.application;

import id.mpp.tracker.application.query.ApplicationView;
import id.mpp.tracker.privacy.PersonalDataVault;
import id.mpp.tracker.sla.ServiceClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The status projection replaying events into a read model of its own, read with the clock stopped at a moment:
 * the status of applications as it stood then. Counts no metrics and pushes no updates.
 */
public final class StatusReplay {

    private final MongoTemplate readModel;
    private final ServiceTimes stopped;
    private final AnnotationEventHandlerAdapter projection;

    public StatusReplay(MongoTemplate readModel, Instant moment, PersonalDataVault vault, ServiceClock serviceClock) {
        this.readModel = readModel;
        this.stopped = new ServiceTimes(serviceClock, Clock.fixed(moment, ZoneOffset.UTC));
        this.projection = new AnnotationEventHandlerAdapter(new ApplicationProjection(readModel,
                SimpleQueryUpdateEmitter.builder().build(), new ApplicationMetrics(new SimpleMeterRegistry()), vault, stopped));
    }

    public void apply(EventMessage<?> event) throws Exception {
        projection.handle(event);
    }

    public Optional<ApplicationView> view(String applicationId) {
        return Optional.ofNullable(readModel.findById(applicationId, ApplicationDocument.class))
                .map(document -> document.toView(stopped.of(document)));
    }
}

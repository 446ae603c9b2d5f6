package id.mpp.tracker.command.audit.chain;

import id.mpp.tracker.platform.audit.GlobalStream;
import id.mpp.tracker.platform.audit.RecordedEvents;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Clock;
import java.time.Duration;

/**
 * Chains every stored event's hash to its aggregate's previous event, and anchors the global stream every
 * {@code mpp.audit.anchor-interval}, up to where its head stood {@code mpp.audit.anchor-settle} before.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration implements SchedulingConfigurer {

    private final StreamAnchoring anchoring;
    private final Duration anchorInterval;
    private final Duration settle;

    AuditConfiguration(EventStore eventStore, GlobalStream globalStream, RecordedEvents recordedEvents,
                       CommandGateway commands, Clock clock,
                       @Value("${mpp.audit.anchor-interval:PT1H}") Duration anchorInterval,
                       @Value("${mpp.audit.anchor-settle:PT2M}") Duration settle,
                       @Value("${mpp.audit.anchor-max-events:100000}") int maxEventsPerAnchor) {
        eventStore.registerDispatchInterceptor(new EventChaining(recordedEvents, eventStore));
        this.anchoring = new StreamAnchoring(eventStore, globalStream, recordedEvents, commands, clock, settle, maxEventsPerAnchor);
        this.anchorInterval = anchorInterval;
        this.settle = settle;
    }

    @Bean
    StreamAnchoring streamAnchoring() {
        return anchoring;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(anchoring::anchor, anchorInterval, anchorInterval));
        if (!settle.isZero() && !settle.isNegative() && settle.compareTo(anchorInterval) < 0) {
            // so that each anchor reaches the head as it stood one settling time before, not one interval before
            Duration firstNote = anchorInterval.minus(settle);
            tasks.addFixedDelayTask(new FixedDelayTask(anchoring::noteHead, settle, firstNote));
        }
    }
}

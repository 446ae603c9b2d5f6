package id.mpp.tracker.command.sla;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Runs the due-date watch every {@code mpp.sla.watch-interval} on every command-side instance; the lease
 * ({@code mpp.sla.lease-term}) lets one of them scan at a time, and passes to another when its holder stops.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DueDateWatchConfiguration implements SchedulingConfigurer {

    private final DueDateWatch watch;
    private final Duration interval;

    DueDateWatchConfiguration(DueDateIndex index, CommandGateway commands, MongoTemplate mongo, Clock clock, MeterRegistry meters,
                              @Value("${mpp.sla.watch-interval:PT30S}") Duration interval,
                              @Value("${mpp.sla.lease-term:PT2M}") Duration leaseTerm,
                              @Value("${mpp.sla.batch-size:200}") int batchSize) {
        String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        this.watch = new DueDateWatch(index, commands, new Lease(mongo, "due-date-watch", owner, leaseTerm, clock),
                clock, batchSize, meters);
        this.interval = interval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        // the first round waits one interval, so that command handling is ready
        tasks.addFixedDelayTask(new FixedDelayTask(watch::watch, interval, interval));
    }

    @Bean(destroyMethod = "stop")
    DueDateWatch dueDateWatch() {
        return watch;
    }

    /**
     * In batches, as the projections: a token stored per event was a round trip per event on top of the entry's own,
     * and measured the index furthest behind of all processors under load. Entries are idempotent, so a retried
     * batch changes nothing it wrote before.
     */
    @Autowired
    void dueDateIndexProcessor(EventProcessingConfigurer processing,
                               @Value("${mpp.projections.batch-size:1000}") int batchSize) {
        processing.registerTrackingEventProcessorConfiguration(DueDateIndex.PROCESSING_GROUP,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize));
        processing.registerTrackingEventProcessor(DueDateIndex.PROCESSING_GROUP);
        // a failing event stops the index and is retried, rather than being skipped and a due date lost
        processing.registerListenerInvocationErrorHandler(DueDateIndex.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}

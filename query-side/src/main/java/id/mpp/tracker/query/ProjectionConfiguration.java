package id.mpp.tracker.query;

import id.mpp.tracker.query.application.ApplicationProjection;
import id.mpp.tracker.query.dashboard.DashboardProjection;
import id.mpp.tracker.query.dashboard.DashboardStore;
import java.util.List;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * Projections run as tracking processors whose tokens live in MongoDB, split into segments so that
 * several query-side instances can share the work.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    @Autowired
    void trackingProcessors(EventProcessingConfigurer processing,
                            @Value("${mpp.projections.segments:1}") int segments,
                            @Value("${mpp.projections.threads:${mpp.projections.segments:1}}") int threads,
                            @Value("${mpp.projections.batch-size:1000}") int batchSize) {
        for (String projection : List.of(ApplicationProjection.PROCESSING_GROUP, DashboardProjection.PROCESSING_GROUP)) {
            processing.registerTrackingEventProcessorConfiguration(projection,
                    configuration -> TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                            .andInitialSegmentsCount(segments)
                            .andBatchSize(batchSize));
            processing.registerTrackingEventProcessor(projection);
            // a failing event stops the projection and is retried, rather than being logged and skipped
            processing.registerListenerInvocationErrorHandler(projection, configuration -> PropagatingErrorHandler.instance());
        }
        processing.registerHandlerInterceptor(DashboardProjection.PROCESSING_GROUP, configuration -> DashboardStore.flushAfterLastEvent());
        processing.registerHandlerInterceptor(ApplicationProjection.PROCESSING_GROUP, configuration -> ApplicationProjection.flushAfterLastEvent());
    }
}

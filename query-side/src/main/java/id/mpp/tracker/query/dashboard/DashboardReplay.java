package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.dashboard.DashboardView;
import id.mpp.tracker.dashboard.FindDashboard;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;

/**
 * The dashboard projection replaying events into a read model of its own: the dashboards as they stood when the
 * last of those events was stored. Pushes no updates.
 */
public final class DashboardReplay {

    private static final int GENERATION = 0;

    private final MongoTemplate readModel;
    private final Catalogue catalogue;
    private final AnnotationEventHandlerAdapter projection;

    public DashboardReplay(MongoTemplate readModel, Catalogue catalogue) {
        this.readModel = readModel;
        this.catalogue = catalogue;
        this.projection = new AnnotationEventHandlerAdapter(new DashboardProjection(
                new DashboardStore(readModel, () -> GENERATION), catalogue, SimpleQueryUpdateEmitter.builder().build()));
    }

    /** Applies events in one unit of work, so that each dashboard document is written once for all of them. */
    public void apply(List<TrackedEventMessage<?>> chunk) throws Exception {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            for (TrackedEventMessage<?> event : chunk) {
                projection.handle(event);
            }
            unitOfWork.commit();
        } catch (Exception e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }

    public DashboardView view(FindDashboard query, Instant generatedAt) {
        return new DashboardReader(readModel, GENERATION, catalogue).view(query, generatedAt);
    }
}

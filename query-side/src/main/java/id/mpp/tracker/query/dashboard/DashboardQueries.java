package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.dashboard.DashboardView;
import id.mpp.tracker.dashboard.FindDashboard;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Answers dashboards from the generation of the dashboard collections that serves now. */
@Component
class DashboardQueries {

    private final MongoTemplate mongo;
    private final DashboardGenerations generations;
    private final Catalogue catalogue;
    private final Clock clock;

    DashboardQueries(MongoTemplate mongo, DashboardGenerations generations, Catalogue catalogue, Clock clock) {
        this.mongo = mongo;
        this.generations = generations;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @QueryHandler
    DashboardView handle(FindDashboard query) {
        return new DashboardReader(mongo, generations.current(), catalogue).view(query, clock.instant());
    }
}

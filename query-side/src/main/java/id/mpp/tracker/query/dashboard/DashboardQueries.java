package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.dashboard.DashboardView;
import id.mpp.tracker.dashboard.FindDashboard;
import id.mpp.tracker.dashboard.FindDashboardAsOf;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Answers dashboards from the generation of the dashboard collections that serves now. */
@Component
class DashboardQueries {

    /** Days are local to each MPP: the latest of them is eastern Indonesia's (WIT). */
    private static final ZoneId EASTERNMOST = ZoneId.of("Asia/Jayapura");

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

    /** As it stood at the end of {@code query.to()}, from the dashboards' own documents ({@link DashboardReader#asOfEndOf}). */
    @QueryHandler
    DashboardView handle(FindDashboardAsOf query) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), EASTERNMOST);
        return new DashboardReader(mongo, generations.current(), catalogue).asOfEndOf(query.dashboard(), today, clock.instant());
    }
}

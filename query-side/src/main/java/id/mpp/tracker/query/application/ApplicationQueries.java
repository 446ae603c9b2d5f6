package id.mpp.tracker.query.application;

import id.mpp.tracker.application.query.*;
import id.mpp.tracker.catalogue.Catalogue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Answers the application queries from the status read model. */
@Component
class ApplicationQueries {

    private final MongoTemplate mongo;
    private final Catalogue catalogue;
    private final ServiceTimes serviceTimes;

    ApplicationQueries(MongoTemplate mongo, Catalogue catalogue, ServiceTimes serviceTimes) {
        this.mongo = mongo;
        this.catalogue = catalogue;
        this.serviceTimes = serviceTimes;
    }

    @QueryHandler
    Optional<ApplicationView> handle(FindApplication query) {
        return Optional.ofNullable(mongo.findById(query.applicationId().value(), ApplicationDocument.class))
                .map(document -> document.toView(serviceTimes.of(document)));
    }

    @QueryHandler
    Optional<TrackingView> handle(TrackApplication query) {
        var byNumber = Query.query(where("trackingNumber").is(query.trackingNumber().value()));
        return Optional.ofNullable(mongo.findOne(byNumber, ApplicationDocument.class))
                .map(document -> document.toTrackingView(catalogue, serviceTimes.of(document)));
    }

    @QueryHandler
    ApplicationPage handle(ListApplications query) {
        var criteria = new ArrayList<Criteria>();
        Optional.ofNullable(query.mppCode()).ifPresent(code -> criteria.add(where("mppCode").is(code.value())));
        Optional.ofNullable(query.agencyCode()).ifPresent(code -> criteria.add(where("agencyCode").is(code.value())));
        Optional.ofNullable(query.serviceCode()).ifPresent(code -> criteria.add(where("serviceCode").is(code.value())));
        Optional.ofNullable(query.status()).ifPresent(status -> criteria.add(where("status").is(status)));
        if (query.submittedFrom() != null || query.submittedTo() != null) {
            Criteria submitted = where("submittedAt");
            Optional.ofNullable(query.submittedFrom()).ifPresent(submitted::gte);
            Optional.ofNullable(query.submittedTo()).ifPresent(submitted::lt);
            criteria.add(submitted);
        }
        if (query.overdue()) {
            criteria.add(serviceTimes.overdue());
        }
        var filter = criteria.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(criteria));
        long total = mongo.count(filter, ApplicationDocument.class);
        var page = filter.with(Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("_id")))
                .skip((long) query.page() * query.size())
                .limit(query.size());
        var content = mongo.find(page, ApplicationDocument.class).stream()
                .map(document -> document.toSummary(serviceTimes.of(document))).toList();
        return new ApplicationPage(content, query.page(), query.size(), total);
    }
}

package id.mpp.tracker.query.dashboard;

import id.mpp.tracker.application.ApplicationStatus;
import id.mpp.tracker.catalogue.Agency;
import id.mpp.tracker.catalogue.Catalogue;
import id.mpp.tracker.catalogue.Mpp;
import id.mpp.tracker.catalogue.Service;
import id.mpp.tracker.catalogue.ServiceCode;
import id.mpp.tracker.dashboard.DashboardScope;
import id.mpp.tracker.dashboard.DashboardView;
import id.mpp.tracker.dashboard.DashboardView.*;
import id.mpp.tracker.dashboard.FindDashboard;
import id.mpp.tracker.dashboard.LeadTimeHistogram;
import id.mpp.tracker.dashboard.SkmIndex;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static id.mpp.tracker.query.dashboard.DashboardStore.ALL_SERVICES;
import static id.mpp.tracker.query.dashboard.DayCounter.*;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Answers a dashboard from the pre-aggregated documents only: the scope's day documents for the period, its
 * per-service day documents, its backlog document, and nationally the MPPs' day documents of one week. How many
 * documents that is depends on the period and the catalogue, never on how many applications there were.
 */
class DashboardReader {

    private static final int RANKED = 3;

    private final MongoTemplate mongo;
    private final int generation;
    private final Catalogue catalogue;

    DashboardReader(MongoTemplate mongo, int generation, Catalogue catalogue) {
        this.mongo = mongo;
        this.generation = generation;
        this.catalogue = catalogue;
    }

    DashboardView view(FindDashboard query, Instant generatedAt) {
        return view(query, backlogNow(query.scope()), generatedAt);
    }

    /**
     * The dashboard as it stood at the end of the period's last day: the counters of its days were final by then,
     * and the backlog was today's less the changes the days since made to it (days after {@code today} have none).
     * Reads as many documents as days have passed since, however long the history.
     */
    DashboardView asOfEndOf(FindDashboard query, LocalDate today, Instant generatedAt) {
        DashboardScope scope = query.scope();
        Document backlog = backlogNow(scope);
        List<String> since = query.to().plusDays(1).datesUntil(today.plusDays(2))
                .map(day -> DashboardStore.dayId(scope, ALL_SERVICES, day)).toList();
        String daysCollection = DashboardGenerations.name(DashboardStore.DAYS, generation);
        read(daysCollection, since).values().forEach(day -> subtract(backlog, day.get(DashboardStore.BACKLOG_CHANGE, new Document())));
        return view(query, backlog, generatedAt);
    }

    private Document backlogNow(DashboardScope scope) {
        return Optional.ofNullable(mongo.findById(DashboardStore.backlogId(scope), Document.class,
                DashboardGenerations.name(DashboardStore.BACKLOG, generation))).orElseGet(Document::new);
    }

    /** Takes the day's changes out of the backlog, field by field (the status counts nested one level). */
    private static void subtract(Document backlog, Document changes) {
        changes.forEach((field, change) -> {
            if (change instanceof Document nested) {
                Document counts = backlog.get(field) instanceof Document present ? present : new Document();
                subtract(counts, nested);
                backlog.put(field, counts);
            } else {
                backlog.put(field, number(backlog.get(field)) - number(change));
            }
        });
    }

    private DashboardView view(FindDashboard query, Document backlog, Instant generatedAt) {
        DashboardScope scope = query.scope();
        String daysCollection = DashboardGenerations.name(DashboardStore.DAYS, generation);
        List<LocalDate> days = query.from().datesUntil(query.to().plusDays(1)).toList();
        Map<String, Document> byDay = read(daysCollection, days.stream()
                .map(day -> DashboardStore.dayId(scope, ALL_SERVICES, day)).toList());
        List<Document> periodDays = new ArrayList<>(byDay.values());

        var series = days.stream().map(day -> {
            Document figures = byDay.getOrDefault(DashboardStore.dayId(scope, ALL_SERVICES, day), new Document());
            return new Day(day, count(figures, SUBMITTED), count(figures, DECIDED), count(figures, COMPLETED),
                    count(figures, REJECTED), count(figures, WITHDRAWN));
        }).toList();
        var totals = new Totals(sum(periodDays, SUBMITTED), sum(periodDays, SUBMITTED_ONLINE), sum(periodDays, DECIDED),
                sum(periodDays, COMPLETED), sum(periodDays, REJECTED), sum(periodDays, WITHDRAWN),
                sum(periodDays, DEEMED_APPROVED), sum(periodDays, BREACHED), sum(periodDays, COLLECTED), sum(periodDays, VISITS));

        return new DashboardView(scope.key(), title(scope), new Period(query.from(), query.to(), days.size()),
                backlog(backlog), series, totals, leadTime(periodDays), withinStandardShare(periodDays),
                number(backlog.get(DashboardStore.OVERDUE)), share(totals.completed(), totals.decided()),
                share(totals.submittedOnline(), totals.submitted()),
                SkmIndex.of(sum(periodDays, RATING_SUM), sum(periodDays, RATINGS)),
                services(scope, days, daysCollection), scope.national() ? weekVisits(query.to(), daysCollection) : null,
                generatedAt);
    }

    private static Backlog backlog(Document backlog) {
        Document byStatus = backlog.get("status", new Document());
        var counts = new EnumMap<ApplicationStatus, Long>(ApplicationStatus.class);
        for (ApplicationStatus status : ApplicationStatus.values()) {
            if (!status.closed()) {
                counts.put(status, number(byStatus.get(status.name())));
            }
        }
        return new Backlog(counts, counts.values().stream().mapToLong(Long::longValue).sum());
    }

    private List<ServiceFigures> services(DashboardScope scope, List<LocalDate> days, String daysCollection) {
        List<String> ids = servicesOf(scope).stream()
                .flatMap(service -> days.stream().map(day -> DashboardStore.dayId(scope, service.value(), day))).toList();
        Map<String, List<Document>> byService = read(daysCollection, ids).values().stream()
                .collect(Collectors.groupingBy(document -> document.getString("service")));
        return byService.entrySet().stream()
                .map(service -> new ServiceFigures(service.getKey(), sum(service.getValue(), SUBMITTED),
                        sum(service.getValue(), DECIDED), leadTime(service.getValue()), withinStandardShare(service.getValue())))
                .sorted(Comparator.comparingLong(ServiceFigures::submitted).reversed().thenComparing(ServiceFigures::serviceCode))
                .toList();
    }

    /** The services a scope can count: the MPP's, the agency's, or every service. */
    private List<ServiceCode> servicesOf(DashboardScope scope) {
        return catalogue.services(Optional.ofNullable(scope.mppCode()), Optional.ofNullable(scope.agencyCode())).stream()
                .map(Service::code).toList();
    }

    private VisitRanking weekVisits(LocalDate lastDay, String daysCollection) {
        LocalDate firstDay = lastDay.minusDays(6);
        List<LocalDate> week = firstDay.datesUntil(lastDay.plusDays(1)).toList();
        Map<String, Long> visits = new LinkedHashMap<>();
        catalogue.mpps().forEach(mpp -> visits.put(mpp.code().value(), 0L));
        List<String> ids = catalogue.mpps().stream().flatMap(mpp -> week.stream()
                .map(day -> DashboardStore.dayId(DashboardScope.mpp(mpp.code()), ALL_SERVICES, day))).toList();
        read(daysCollection, ids).values().forEach(day ->
                visits.merge(day.getString("scope").substring("mpp:".length()), count(day, VISITS), Long::sum));
        var ranked = visits.entrySet().stream()
                .map(entry -> new MppVisits(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(MppVisits::visits).reversed().thenComparing(MppVisits::mppCode))
                .toList();
        var lowest = new ArrayList<>(ranked.subList(Math.max(0, ranked.size() - RANKED), ranked.size()));
        Collections.reverse(lowest);
        return new VisitRanking(firstDay, lastDay, ranked.subList(0, Math.min(RANKED, ranked.size())), lowest);
    }

    private static LeadTime leadTime(List<Document> days) {
        var histogram = new LeadTimeHistogram();
        for (Document day : days) {
            Document buckets = day.get(LEAD_TIME, new Document());
            buckets.forEach((bucket, count) -> histogram.add(Integer.parseInt(bucket.substring(1)), number(count)));
        }
        return new LeadTime(histogram.count(), histogram.percentileHours(0.5), histogram.percentileHours(0.9));
    }

    private static Double withinStandardShare(List<Document> days) {
        return share(sum(days, DECIDED_WITHIN_STANDARD), sum(days, DECIDED_WITH_STANDARD));
    }

    private String title(DashboardScope scope) {
        var parts = new ArrayList<String>();
        if (scope.national()) {
            parts.add("Nasional");
        }
        if (scope.mppCode() != null) {
            parts.add(catalogue.mpp(scope.mppCode()).map(Mpp::name).orElse(scope.mppCode().value()));
        }
        if (scope.agencyCode() != null) {
            parts.add(catalogue.agency(scope.agencyCode()).map(Agency::name).orElse(scope.agencyCode().value()));
        }
        return String.join(" — ", parts);
    }

    private Map<String, Document> read(String collection, List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(where("_id").in(ids)), Document.class, collection).stream()
                .collect(Collectors.toMap(document -> document.getString("_id"), Function.identity()));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round((double) part / whole * 10_000) / 10_000.0;
    }

    private static long sum(List<Document> days, DayCounter counter) {
        return days.stream().mapToLong(day -> count(day, counter)).sum();
    }

    private static long count(Document day, DayCounter counter) {
        return number(day.get(counter.field));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}

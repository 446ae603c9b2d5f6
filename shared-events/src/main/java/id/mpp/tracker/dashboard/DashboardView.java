package id.mpp.tracker.dashboard;

import id.mpp.tracker.application.ApplicationStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The indicators of one scope over one period: no personal data, every figure reproducible from the event store.
 * Shares are 0–1 and null when nothing was counted; lead times are from verification to decision, in hours.
 */
public record DashboardView(String scope, String title, Period period, Backlog backlog, List<Day> series,
                            Totals totals, LeadTime leadTime, Double decidedWithinStandardShare, long openOverdue,
                            Double completionRate, Double digitalTakeUp, SkmIndex skm, List<ServiceFigures> services,
                            VisitRanking weekVisits, Instant generatedAt) {

    /** The days counted, each in the local time of the MPP where it happened. */
    public record Period(LocalDate from, LocalDate to, int days) {
    }

    /** Open applications now, by status. */
    public record Backlog(Map<ApplicationStatus, Long> byStatus, long total) {
    }

    public record Day(LocalDate date, long submitted, long decided, long completed, long rejected, long withdrawn) {
    }

    public record Totals(long submitted, long submittedOnline, long decided, long completed, long rejected,
                         long withdrawn, long deemedApproved, long breached, long collected, long visits) {
    }

    public record LeadTime(long decisions, Double medianHours, Double p90Hours) {
    }

    public record ServiceFigures(String serviceCode, long submitted, long decided, LeadTime leadTime,
                                 Double decidedWithinStandardShare) {
    }

    /** Nationally: the MPPs with the most and the fewest visits in the seven days ending with the period. */
    public record VisitRanking(LocalDate from, LocalDate to, List<MppVisits> highest, List<MppVisits> lowest) {
    }

    public record MppVisits(String mppCode, long visits) {
    }
}

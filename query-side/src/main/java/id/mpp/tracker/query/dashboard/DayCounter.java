package id.mpp.tracker.query.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/** The counters of a dashboard day document, by their field names. */
enum DayCounter {
    SUBMITTED("submitted"),
    SUBMITTED_ONLINE("submittedOnline"),
    /** Citizens at the MPP: submissions at a counter or roadshow, and collections. */
    VISITS("visits"),
    DECIDED("decided"),
    COMPLETED("completed"),
    REJECTED("rejected"),
    DEEMED_APPROVED("deemedApproved"),
    WITHDRAWN("withdrawn"),
    COLLECTED("collected"),
    BREACHED("breached"),
    /** Decisions on applications whose service clock ran, the base of the share decided within the standard. */
    DECIDED_WITH_STANDARD("decidedWithStandard"),
    DECIDED_WITHIN_STANDARD("decidedWithinStandard"),
    RATINGS("ratings"),
    RATING_SUM("ratingSum");

    static final String LEAD_TIME = "leadTime";

    final String field;

    DayCounter(String field) {
        this.field = field;
    }

    static String leadTimeField(int bucket) {
        return LEAD_TIME + ".b" + bucket;
    }

    /** Increments of the given counters by one each. */
    static Map<String, Long> once(DayCounter... counters) {
        var increments = new LinkedHashMap<String, Long>();
        for (DayCounter counter : counters) {
            increments.merge(counter.field, 1L, Long::sum);
        }
        return increments;
    }
}

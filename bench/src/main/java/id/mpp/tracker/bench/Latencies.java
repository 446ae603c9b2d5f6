package id.mpp.tracker.bench;

import org.HdrHistogram.ConcurrentHistogram;

import java.util.LinkedHashMap;
import java.util.Map;

/** How long something took, over many tries: counted into a histogram, read as percentiles in milliseconds. */
final class Latencies {

    private final ConcurrentHistogram histogram = new ConcurrentHistogram(3);

    void record(long nanos) {
        histogram.recordValue(Math.max(1, nanos));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentileMillis(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    double maxMillis() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
    }

    /** count, p50, p95, p99 and max (ms), for the report. */
    Map<String, Object> summary() {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("count", count());
        summary.put("p50Ms", Report.round(percentileMillis(50)));
        summary.put("p95Ms", Report.round(percentileMillis(95)));
        summary.put("p99Ms", Report.round(percentileMillis(99)));
        summary.put("maxMs", Report.round(maxMillis()));
        return summary;
    }
}

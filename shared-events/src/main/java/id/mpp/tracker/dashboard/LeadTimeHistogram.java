package id.mpp.tracker.dashboard;

import java.time.Duration;
import java.util.TreeMap;

/**
 * Lead times counted in buckets of geometric width (four per doubling, so a percentile read from it is within
 * about 9% of the exact value). Bucket counts add up, so the histograms of days, MPPs and services merge by
 * summing, and a percentile over any period is read without looking at a single application.
 */
public final class LeadTimeHistogram {

    /** Buckets per doubling of the lead time. */
    private static final int PER_DOUBLING = 4;

    private final TreeMap<Integer, Long> counts = new TreeMap<>();

    /** The bucket of a lead time: bucket i holds [2^(i/4), 2^((i+1)/4)) minutes; bucket 0 everything under a minute. */
    public static int bucketOf(Duration leadTime) {
        double minutes = Math.max(leadTime.toSeconds(), 0) / 60.0;
        if (minutes < 1) {
            return 0;
        }
        return (int) Math.floor(Math.log(minutes) / Math.log(2) * PER_DOUBLING);
    }

    /** The middle of a bucket (geometric), in minutes. */
    static double midpointMinutes(int bucket) {
        return Math.pow(2, (bucket + 0.5) / PER_DOUBLING);
    }

    public LeadTimeHistogram add(int bucket, long count) {
        counts.merge(bucket, count, Long::sum);
        return this;
    }

    public long count() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The lead time below which a share {@code q} (0–1) of the decisions fall, in hours; null when there are none. */
    public Double percentileHours(double q) {
        long total = count();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (var bucket : counts.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return Math.round(midpointMinutes(bucket.getKey()) / 60.0 * 10) / 10.0;
            }
        }
        throw new IllegalStateException("unreachable: rank " + rank + " of " + total);
    }
}

package id.mpp.tracker.standalone.seed;

import id.mpp.tracker.catalogue.Mpp;
import id.mpp.tracker.standalone.demo.TrafficModel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * Exactly N arrivals, spread as the demo's traffic model spreads them (by MPP size and hour of the local day), over
 * the open hours of the period. The model's arrivals are a Poisson process; given that exactly N happen, they are N
 * independent draws from its intensity. Those are drawn here in time order, as sorted uniform numbers on the
 * cumulative intensity, so nothing but the current draw is kept: the arrivals of each tick come out as it is reached.
 */
final class ArrivalSchedule {

    private final TrafficModel model;
    private final List<Mpp> mpps;
    private final SeedPeriod period;
    private final long tickMillis;
    private final RandomGenerator random;
    private final double total;
    private int left;
    private double sortedUniform;
    private double next;
    private double reached;

    ArrivalSchedule(TrafficModel model, List<Mpp> mpps, SeedPeriod period, Duration tick, int applications,
                    RandomGenerator random) {
        this.model = model;
        this.mpps = List.copyOf(mpps);
        this.period = period;
        this.tickMillis = tick.toMillis();
        this.random = random;
        double sum = 0;
        for (long at = period.start().toEpochMilli(); at < period.end().toEpochMilli(); at += tickMillis) {
            for (Mpp mpp : this.mpps) {
                sum += expected(mpp, at);
            }
        }
        if (sum <= 0) {
            throw new IllegalStateException("The period " + period.firstDay() + " to " + period.lastDay() + " has no open hours");
        }
        this.total = sum;
        this.left = applications;
        draw();
    }

    /**
     * The arrivals within the tick starting at {@code tickStart}, each at its MPP and moment; ticks must be asked for
     * in order, from the start of the period, the same ticks whose intensity was summed.
     */
    void arrivalsIn(long tickStart, BiConsumer<Mpp, Instant> arrival) {
        for (Mpp mpp : mpps) {
            double expected = expected(mpp, tickStart);
            while (left >= 0 && next < reached + expected) {
                long offset = Math.min(tickMillis - 1, (long) ((next - reached) / expected * tickMillis));
                arrival.accept(mpp, Instant.ofEpochMilli(tickStart + offset));
                draw();
            }
            reached += expected;
        }
    }

    /** Expected arrivals at the MPP in the tick, zero while its counters are closed. */
    private double expected(Mpp mpp, long tickStart) {
        Instant start = Instant.ofEpochMilli(tickStart);
        return period.open(mpp, start) ? model.arrivalsPerHour(mpp, start) * tickMillis / 3_600_000.0 : 0;
    }

    /** The next of the sorted uniform numbers, scaled to the total intensity; past the last, none is ever reached. */
    private void draw() {
        if (left == 0) {
            left = -1;
            next = Double.POSITIVE_INFINITY;
            return;
        }
        sortedUniform = 1 - (1 - sortedUniform) * Math.pow(1 - random.nextDouble(), 1.0 / left);
        left--;
        next = sortedUniform * total;
    }
}

package id.mpp.tracker.sla;

import id.mpp.tracker.catalogue.ServiceStandard.DayUnit;

import java.time.Instant;

/**
 * How a decision stands against its due date: on time ({@code daysLate} 0) or late by so many days of the
 * standard's unit.
 */
public record Timeliness(Instant dueAt, int daysLate, DayUnit unit) {

    public boolean late() {
        return daysLate > 0;
    }
}

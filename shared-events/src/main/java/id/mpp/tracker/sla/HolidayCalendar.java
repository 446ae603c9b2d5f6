package id.mpp.tracker.sla;

import java.time.LocalDate;
import java.util.List;

/**
 * One year's national holidays and cuti bersama, as set by the joint decree of the Ministers of Religious Affairs,
 * Manpower and PANRB. {@code sample} marks a year (or a day) that is projected rather than taken from the decree.
 */
public record HolidayCalendar(int year, String version, String source, boolean sample, List<Day> days) {

    public HolidayCalendar {
        days = List.copyOf(days == null ? List.of() : days);
    }

    public enum Kind {
        NATIONAL_HOLIDAY, CUTI_BERSAMA
    }

    public record Day(LocalDate date, String name, Kind kind, boolean sample) {
    }
}

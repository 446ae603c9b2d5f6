package id.mpp.tracker.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Working-day arithmetic over the loaded holiday calendars: Saturdays, Sundays, national holidays and cuti bersama
 * are not working days. A date in a year without a calendar is judged by the weekend alone, and every answer that
 * relied on such a year says so ({@link #covers}), so that no guess passes silently.
 */
public final class WorkingDays {

    private final Map<Integer, HolidayCalendar> calendars;
    private final Set<LocalDate> daysOff;

    public WorkingDays(Collection<HolidayCalendar> calendars) {
        this.calendars = new TreeMap<>(calendars.stream().collect(Collectors.toMap(HolidayCalendar::year, c -> c, (a, b) -> {
            throw new IllegalArgumentException("Two calendars for " + a.year());
        })));
        this.daysOff = new HashSet<>();
        calendars.forEach(calendar -> calendar.days().forEach(day -> {
            if (day.date().getYear() != calendar.year()) {
                throw new IllegalArgumentException(day.date() + " is listed in the calendar of " + calendar.year());
            }
            daysOff.add(day.date());
        }));
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !daysOff.contains(date);
    }

    /** Whether a calendar is loaded for every year from {@code from} to {@code to}. */
    public boolean covers(LocalDate from, LocalDate to) {
        LocalDate first = from.isBefore(to) ? from : to;
        LocalDate last = from.isBefore(to) ? to : from;
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            if (!calendars.containsKey(year)) {
                return false;
            }
        }
        return true;
    }

    /** The {@code n}-th working day after {@code date} ({@code date} itself when n is 0). */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate day = date;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * Working days after {@code from} up to and including {@code to}; negative when {@code to} is before {@code from}
     * (the working days from {@code to}, exclusive, up to {@code from}, inclusive, counted as overdue).
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}

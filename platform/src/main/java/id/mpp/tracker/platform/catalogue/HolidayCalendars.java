package id.mpp.tracker.platform.catalogue;

import id.mpp.tracker.sla.HolidayCalendar;

import java.util.List;
import java.util.Optional;

/** The holiday calendars loaded at start, by year. */
public record HolidayCalendars(List<HolidayCalendar> all) {

    public Optional<HolidayCalendar> year(int year) {
        return all.stream().filter(calendar -> calendar.year() == year).findFirst();
    }
}

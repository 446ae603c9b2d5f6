package id.mpp.tracker.platform.catalogue;

import id.mpp.tracker.sla.HolidayCalendar;
import id.mpp.tracker.sla.HolidayCalendarReader;
import id.mpp.tracker.sla.ServiceClock;
import id.mpp.tracker.sla.WorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Loads the holiday calendars, one file per year, at start. A missing year (this one or the next) is a warning,
 * never a silent guess: due dates that run through it say so.
 */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    HolidayCalendars holidayCalendars(@Value("${mpp.calendars.location:classpath*:calendars/*.yaml}") String location,
                                      Clock clock) {
        var calendars = new ArrayList<HolidayCalendar>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(location)) {
                try (var in = file.getInputStream()) {
                    calendars.add(HolidayCalendarReader.read(in, file.getDescription()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Holiday calendars " + location + " cannot be read", e);
        }
        calendars.sort(Comparator.comparingInt(HolidayCalendar::year));
        var loaded = new HolidayCalendars(List.copyOf(calendars));
        int thisYear = Year.now(clock).getValue();
        for (int year : List.of(thisYear, thisYear + 1)) {
            if (loaded.year(year).isEmpty()) {
                log.warn("No holiday calendar for {} ({}): working days in {} count weekends only, and due dates that run "
                        + "through it are flagged as uncertain until its decree's file is loaded", year, location, year);
            }
        }
        calendars.stream().filter(HolidayCalendar::sample).forEach(calendar -> log.warn(
                "The holiday calendar of {} is a projection (sample): replace it once its decree is published", calendar.year()));
        log.info("Holiday calendars loaded for {}", calendars.stream().map(HolidayCalendar::year).toList());
        return loaded;
    }

    @Bean
    WorkingDays workingDays(HolidayCalendars calendars) {
        return new WorkingDays(calendars.all());
    }

    @Bean
    ServiceClock serviceClock(WorkingDays workingDays) {
        return new ServiceClock(workingDays);
    }
}

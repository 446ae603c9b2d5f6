package id.mpp.tracker.command.application;

import id.mpp.tracker.sla.HolidayCalendarReader;
import id.mpp.tracker.sla.ServiceClock;
import id.mpp.tracker.sla.WorkingDays;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Stream;

/** The service clock over the holiday calendars the project ships, as the applications run with them. */
final class ShippedCalendars {

    static final ServiceClock SERVICE_CLOCK = new ServiceClock(new WorkingDays(Stream.of(2026, 2027).map(year -> {
        String file = "/calendars/" + year + ".yaml";
        try (InputStream in = ShippedCalendars.class.getResourceAsStream(file)) {
            return HolidayCalendarReader.read(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }).toList()));

    private ShippedCalendars() {
    }
}

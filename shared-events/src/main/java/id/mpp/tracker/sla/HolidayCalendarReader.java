package id.mpp.tracker.sla;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;

/** Reads one year's holiday calendar (YAML) and refuses it, with every problem listed, unless it is consistent. */
public final class HolidayCalendarReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private HolidayCalendarReader() {
    }

    public static HolidayCalendar read(InputStream yaml, String source) {
        HolidayCalendar calendar;
        try {
            calendar = YAML.readValue(yaml, HolidayCalendar.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Holiday calendar " + source + " cannot be read: " + e.getMessage(), e);
        }
        var problems = new ArrayList<String>();
        var seen = new HashSet<LocalDate>();
        HolidayCalendar.Day previous = null;
        for (HolidayCalendar.Day day : calendar.days()) {
            if (day.date() == null || day.kind() == null || day.name() == null || day.name().isBlank()) {
                problems.add("every day needs a date, a name and a kind");
                continue;
            }
            if (day.date().getYear() != calendar.year()) {
                problems.add(day.date() + " is not in " + calendar.year());
            }
            if (!seen.add(day.date())) {
                problems.add(day.date() + " is listed twice");
            }
            if (previous != null && day.date().isBefore(previous.date())) {
                problems.add(day.date() + " is out of order");
            }
            previous = day;
        }
        if (calendar.version() == null || calendar.source() == null) {
            problems.add("needs a version and a source");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Holiday calendar " + source + " is invalid:\n - " + String.join("\n - ", problems));
        }
        return calendar;
    }
}

package id.mpp.tracker.sla;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static id.mpp.tracker.sla.HolidayCalendar.Kind.CUTI_BERSAMA;
import static id.mpp.tracker.sla.HolidayCalendar.Kind.NATIONAL_HOLIDAY;

/** Holiday calendars for the tests: 2025 as its decree set it, and an empty 2026. */
final class Calendars {

    static final HolidayCalendar YEAR_2025 = new HolidayCalendar(2025, "test", "SKB 3 Menteri tentang Hari Libur Nasional dan Cuti Bersama Tahun 2025", false,
            Stream.of(
                    holiday("2025-01-01"), holiday("2025-01-27"), cuti("2025-01-28"), holiday("2025-01-29"),
                    cuti("2025-03-28"), holiday("2025-03-29"), holiday("2025-03-31"), holiday("2025-04-01"),
                    cuti("2025-04-02"), cuti("2025-04-03"), cuti("2025-04-04"), cuti("2025-04-07"),
                    holiday("2025-04-18"), holiday("2025-04-20"), holiday("2025-05-01"), holiday("2025-05-12"),
                    cuti("2025-05-13"), holiday("2025-05-29"), cuti("2025-05-30"), holiday("2025-06-01"),
                    holiday("2025-06-06"), cuti("2025-06-09"), holiday("2025-06-27"), holiday("2025-08-17"),
                    cuti("2025-08-18"), holiday("2025-09-05"), holiday("2025-12-25"), cuti("2025-12-26")).toList());

    static final HolidayCalendar YEAR_2026_WITHOUT_HOLIDAYS = new HolidayCalendar(2026, "test", "none", true, List.of());

    private Calendars() {
    }

    static WorkingDays of2025() {
        return new WorkingDays(List.of(YEAR_2025));
    }

    private static HolidayCalendar.Day holiday(String date) {
        return new HolidayCalendar.Day(LocalDate.parse(date), "libur nasional", NATIONAL_HOLIDAY, false);
    }

    private static HolidayCalendar.Day cuti(String date) {
        return new HolidayCalendar.Day(LocalDate.parse(date), "cuti bersama", CUTI_BERSAMA, false);
    }
}

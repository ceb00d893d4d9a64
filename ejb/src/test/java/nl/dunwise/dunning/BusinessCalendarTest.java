package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {

    private final BusinessCalendar nl = BusinessCalendar.of("NL");
    private final BusinessCalendar be = BusinessCalendar.of("be");

    @ParameterizedTest(name = "Easter {0}: {1}")
    @CsvSource({
        "2024, 2024-03-31",
        "2025, 2025-04-20",
        "2026, 2026-04-05",
        "2027, 2027-03-28",
        "2019, 2019-04-21",
        "2038, 2038-04-25",
        "2285, 2285-03-22"
    })
    void easterFollowsTheGregorianComputus(int year, LocalDate easter) {
        assertEquals(easter, BusinessCalendar.easterSunday(year));
    }

    @Test
    void kingsDayMovesToSaturdayWhenTheTwentySeventhIsASunday() {
        LocalDate kingsDay2025 = LocalDate.of(2025, 4, 26);
        assertEquals(DayOfWeek.SATURDAY, kingsDay2025.getDayOfWeek());
        assertTrue(nl.holidays(2025).contains(new Holiday(kingsDay2025, "koningsdag")));
        assertFalse(nl.isHoliday(LocalDate.of(2025, 4, 27)));
        assertTrue(nl.holidays(2026).contains(new Holiday(LocalDate.of(2026, 4, 27), "koningsdag")));
    }

    @Test
    void everyDutchHolidayOf2026UnderTheAlgemeneTermijnenwet() {
        assertEquals(List.of(
                new Holiday(LocalDate.of(2026, 1, 1), "nieuwjaarsdag"),
                new Holiday(LocalDate.of(2026, 1, 2), "gelijkgestelde-dag"),
                new Holiday(LocalDate.of(2026, 4, 3), "goede-vrijdag"),
                new Holiday(LocalDate.of(2026, 4, 6), "tweede-paasdag"),
                new Holiday(LocalDate.of(2026, 4, 27), "koningsdag"),
                new Holiday(LocalDate.of(2026, 5, 5), "bevrijdingsdag"),
                new Holiday(LocalDate.of(2026, 5, 14), "hemelvaartsdag"),
                new Holiday(LocalDate.of(2026, 5, 15), "gelijkgestelde-dag"),
                new Holiday(LocalDate.of(2026, 5, 25), "tweede-pinksterdag"),
                new Holiday(LocalDate.of(2026, 12, 25), "eerste-kerstdag"),
                new Holiday(LocalDate.of(2026, 12, 26), "tweede-kerstdag")),
                nl.holidays(2026));
    }

    @Test
    void everyBelgianLegalHolidayOf2026() {
        assertEquals(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 7, 21),
                LocalDate.of(2026, 8, 15), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 11),
                LocalDate.of(2026, 12, 25)),
                be.holidays(2026).stream().map(Holiday::date).toList());
    }

    @Test
    void weekendsAndHolidaysAreNoBusinessDays() {
        assertTrue(nl.isBusinessDay(LocalDate.of(2026, 11, 25)), "an ordinary Wednesday");
        assertFalse(nl.isBusinessDay(LocalDate.of(2026, 11, 28)), "Saturday");
        assertFalse(nl.isBusinessDay(LocalDate.of(2026, 11, 29)), "Sunday");
        assertFalse(nl.isBusinessDay(LocalDate.of(2026, 4, 3)), "Good Friday in NL");
        assertTrue(be.isBusinessDay(LocalDate.of(2026, 4, 3)), "Good Friday is a working day in BE");
        assertFalse(be.isBusinessDay(LocalDate.of(2026, 7, 21)), "Belgian national day");
        assertTrue(nl.isBusinessDay(LocalDate.of(2026, 7, 21)));
    }

    @Test
    void theNextBusinessDaySkipsTheEasterAndChristmasHolidays() {
        assertEquals(LocalDate.of(2026, 11, 25), nl.nextBusinessDay(LocalDate.of(2026, 11, 25)));
        assertEquals(LocalDate.of(2026, 4, 7), nl.nextBusinessDay(LocalDate.of(2026, 4, 3)));
        assertEquals(LocalDate.of(2026, 12, 28), nl.nextBusinessDay(LocalDate.of(2026, 12, 25)));
        assertEquals(LocalDate.of(2027, 1, 4), nl.nextBusinessDay(LocalDate.of(2027, 1, 1)));
        assertEquals(LocalDate.of(2026, 1, 5), nl.nextBusinessDay(LocalDate.of(2026, 1, 1)), "2 January is equated");
    }

    @Test
    void aCountryWithoutACalendarIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.of("DE"));
    }

    @Test
    void aMistypedRuleStopsTheLoad() {
        assertThrows(IllegalStateException.class, () -> BusinessCalendar.parse(calendar("XX.holiday.a", "13-01")));
        assertThrows(IllegalStateException.class, () -> BusinessCalendar.parse(calendar("XX.holiday.a", "easter+x")));
        assertThrows(IllegalStateException.class, () -> BusinessCalendar.parse(calendar("XX.holiday.a", "2026-02-30")));
        assertThrows(IllegalStateException.class, () -> BusinessCalendar.parse(calendar("XX.weekend", "SATERDAY")));
        assertThrows(IllegalStateException.class, () -> BusinessCalendar.parse(calendar("XX.letter-delivery", "TUE")));
        assertThrows(IllegalStateException.class, () -> BusinessCalendar.parse(calendar("XX.holidays.a", "01-01")));
        assertThrows(IllegalStateException.class, () -> BusinessCalendar.parse(calendar("XX.weekend",
                "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY")));
        Properties withoutWeekend = new Properties();
        withoutWeekend.setProperty("XX.holiday.a", "01-01");
        assertThrows(IllegalStateException.class, () -> BusinessCalendar.parse(withoutWeekend));
    }

    private static Properties calendar(String key, String value) {
        Properties p = new Properties();
        p.setProperty("XX.weekend", "SATURDAY,SUNDAY");
        p.setProperty(key, value);
        return p;
    }
}

package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SendWindowTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private final SendWindow office = new SendWindow(LocalTime.of(8, 0), LocalTime.of(18, 0), AMSTERDAM,
            BusinessCalendar.of("NL"));

    private static Instant utc(String moment) {
        return Instant.parse(moment);
    }

    @Test
    void openDuringOfficeHoursOnABusinessDay() {
        Instant wednesdayNine = utc("2026-11-25T08:00:00Z");
        assertTrue(office.isOpen(wednesdayNine));
        assertEquals(wednesdayNine, office.nextOpening(wednesdayNine));
    }

    @Test
    void beforeTheStartItOpensTheSameMorning() {
        assertFalse(office.isOpen(utc("2026-11-25T06:59:59Z")));
        assertEquals(utc("2026-11-25T07:00:00Z"), office.nextOpening(utc("2026-11-25T06:59:59Z")));
    }

    @Test
    void theEndIsExcludedAndTheWindowReopensNextBusinessDay() {
        assertFalse(office.isOpen(utc("2026-11-25T17:00:00Z")));
        assertEquals(utc("2026-11-26T07:00:00Z"), office.nextOpening(utc("2026-11-25T17:00:00Z")));
    }

    @Test
    void closedOnAHolidayAndOpenAgainAfterTheEasterWeekend() {
        assertFalse(office.isOpen(utc("2026-04-03T10:00:00Z")), "Good Friday");
        assertEquals(utc("2026-04-07T06:00:00Z"), office.nextOpening(utc("2026-04-03T10:00:00Z")));
    }

    @Test
    void afterTheSpringForwardWeekendItOpensAtEightSummerTime() {
        // Friday 27 March 2026 18:00 CET; clocks go forward on Sunday 29 March; Monday 08:00 CEST is 06:00 UTC
        assertEquals(utc("2026-03-30T06:00:00Z"), office.nextOpening(utc("2026-03-27T17:00:00Z")));
    }

    @Test
    void afterTheFallBackWeekendItOpensAtEightWinterTime() {
        // Friday 23 October 2026 18:00 CEST; clocks go back on Sunday 25 October; Monday 08:00 CET is 07:00 UTC
        assertEquals(utc("2026-10-26T07:00:00Z"), office.nextOpening(utc("2026-10-23T16:00:00Z")));
        assertTrue(office.isOpen(utc("2026-10-19T06:30:00Z")), "08:30 summer time a week before");
        assertFalse(office.isOpen(utc("2026-10-26T06:30:00Z")), "the same UTC time is 07:30 winter time");
    }

    @Test
    void anOpeningTimeTheClockSkipsOpensWhenTheClockJumps() {
        Properties everyDay = new Properties();
        everyDay.setProperty("XX.weekend", "");
        SendWindow night = new SendWindow(LocalTime.of(2, 30), LocalTime.of(5, 0), AMSTERDAM,
                BusinessCalendar.parse(everyDay).get("XX"));
        // 29 March 2026: 02:00 CET (01:00 UTC) becomes 03:00 CEST, so 02:30 never happens that night
        assertFalse(night.isOpen(utc("2026-03-29T00:59:59Z")));
        assertTrue(night.isOpen(utc("2026-03-29T01:00:00Z")));
        assertEquals(utc("2026-03-29T01:00:00Z"), night.nextOpening(utc("2026-03-29T00:30:00Z")));
    }

    @Test
    void aWindowMustOpenBeforeItCloses() {
        assertThrows(IllegalArgumentException.class, () -> new SendWindow(LocalTime.of(18, 0), LocalTime.of(8, 0),
                AMSTERDAM, BusinessCalendar.of("NL")));
    }
}

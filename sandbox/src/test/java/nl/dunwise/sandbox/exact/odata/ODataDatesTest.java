package nl.dunwise.sandbox.exact.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ODataDatesTest {

    @Test
    void instantsAsMillis() {
        assertEquals("/Date(1700000000000)/", ODataDates.format(Instant.ofEpochMilli(1700000000000L)));
        assertEquals("/Date(0)/", ODataDates.format(Instant.EPOCH));
        assertEquals("/Date(-86400000)/", ODataDates.format(Instant.parse("1969-12-31T00:00:00Z")));
    }

    @Test
    void datesAreMidnightUtc() {
        assertEquals("/Date(1706659200000)/", ODataDates.format(LocalDate.of(2024, 1, 31)));
    }

    @Test
    void parseRoundTripsAndIgnoresOffset() {
        assertEquals(Instant.ofEpochMilli(1700000000000L), ODataDates.parse("/Date(1700000000000)/"));
        assertEquals(Instant.ofEpochMilli(1700000000000L), ODataDates.parse("/Date(1700000000000+0100)/"));
        assertThrows(IllegalArgumentException.class, () -> ODataDates.parse("2024-01-31"));
    }

    @Test
    void literals() {
        assertEquals(Instant.parse("2024-01-31T00:00:00Z"), ODataDates.parseLiteral("2024-01-31"));
        assertEquals(Instant.parse("2024-01-31T12:00:00Z"), ODataDates.parseLiteral("2024-01-31T12:00"));
        assertEquals(Instant.parse("2024-01-31T11:00:00Z"), ODataDates.parseLiteral("2024-01-31T12:00:00+01:00"));
        assertThrows(ODataException.class, () -> ODataDates.parseLiteral("yesterday"));
    }
}

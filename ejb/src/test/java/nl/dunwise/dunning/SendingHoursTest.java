package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendingHoursTest {

    private static final Instant SATURDAY_MORNING = Instant.parse("2026-12-05T09:00:00Z");
    private static final Instant TUESDAY_NOON = Instant.parse("2026-12-08T11:00:00Z");

    @Test
    void aRunOnSaturdaySendsFromMondayMorningDutchTime() {
        SendingHours hours = new SendingHours(true, "08:00", "18:00", "Europe/Amsterdam", "NL");
        assertEquals(Instant.parse("2026-12-07T07:00:00Z"), hours.sendsFrom(SATURDAY_MORNING));
        assertEquals(TUESDAY_NOON, hours.sendsFrom(TUESDAY_NOON), "inside the window it sends at once");
    }

    @Test
    void withoutASendWindowItSendsAtAnyHour() {
        assertEquals(SATURDAY_MORNING, new SendingHours(false, "08:00", "18:00", "Europe/Amsterdam", "NL")
                .sendsFrom(SATURDAY_MORNING));
    }

    @Test
    void aMisconfiguredWindowNamesTheSettings() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SendingHours(true, "18:00", "08:00", "Europe/Amsterdam", "NL"));
        assertTrue(e.getMessage().contains("dunwise.dunning.send-window"), e.getMessage());
    }
}

package nl.dunwise.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import nl.dunwise.exact.client.RateLimit;
import org.junit.jupiter.api.Test;

/** Calls that would rather go without than wait (an invoice PDF) ask whether Exact's last answer left any budget. */
class LastRateLimitTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static LastRateLimit seen(long dailyRemaining, long minutelyRemaining, Instant minutelyReset) {
        LastRateLimit limit = new LastRateLimit();
        limit.seen(new RateLimit(5000, dailyRemaining, Instant.parse("2026-11-26T00:00:00Z"), 60, minutelyRemaining,
                minutelyReset), NOW.minusSeconds(5));
        return limit;
    }

    @Test
    void thereIsBudgetWhileCallsRemainOrNothingIsKnown() {
        assertEquals(Optional.empty(), new LastRateLimit().noCallsLeft(NOW));
        assertEquals(Optional.empty(), seen(4000, 1, NOW.plusSeconds(30)).noCallsLeft(NOW));
    }

    @Test
    void noCallIsLeftWhenTheMinuteOrTheDayIsUsedUpUntilItsReset() {
        assertTrue(seen(4000, 0, NOW.plusSeconds(30)).noCallsLeft(NOW).orElseThrow().contains("this minute"));
        assertEquals(Optional.empty(), seen(4000, 0, NOW.minusSeconds(1)).noCallsLeft(NOW), "the minute has reset");
        assertTrue(seen(0, 20, NOW.plusSeconds(30)).noCallsLeft(NOW).orElseThrow().contains("daily"));
    }
}

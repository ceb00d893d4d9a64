package nl.dunwise.exact.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import nl.dunwise.exact.client.RateLimit;
import org.junit.jupiter.api.Test;

/** PDF downloads leave the last calls of a minute and a day to the sync and the write-backs. */
class DownloadBudgetTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant MIDNIGHT = Instant.parse("2026-11-26T00:00:00Z");

    private static DownloadBudget after(long dailyRemaining, long minutelyRemaining) {
        DownloadBudget budget = new DownloadBudget();
        budget.seen(Optional.of(new RateLimit(5000, dailyRemaining, MIDNIGHT, 60, minutelyRemaining, NOW.plusSeconds(20))));
        return budget;
    }

    @Test
    void downloadsGoWhileMoreThanTheReserveIsLeftOrNothingIsKnown() {
        assertEquals(Optional.empty(), new DownloadBudget().exhausted(NOW));
        assertEquals(Optional.empty(), after(4000, DownloadBudget.RESERVE + 1).exhausted(NOW));
    }

    @Test
    void downloadsStopAtTheReserveUntilTheReset() {
        assertTrue(after(4000, DownloadBudget.RESERVE).exhausted(NOW).orElseThrow().contains("this minute"));
        assertEquals(Optional.empty(), after(4000, DownloadBudget.RESERVE).exhausted(NOW.plusSeconds(21)), "the minute reset");
        assertTrue(after(3, 40).exhausted(NOW).orElseThrow().contains("daily"));
    }

    @Test
    void anAnswerWithoutHeadersKeepsWhatWasKnown() {
        DownloadBudget budget = after(4000, 0);
        budget.seen(Optional.empty());
        assertTrue(budget.exhausted(NOW).isPresent());
    }
}

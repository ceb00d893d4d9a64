package nl.dunwise.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.dunwise.exact.client.ExactApiException;
import nl.dunwise.exact.client.MalformedRecordException;
import nl.dunwise.exact.client.RateLimit;
import org.junit.jupiter.api.Test;

class ExactCircuitTest {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private final ExactConnection connection = new ExactConnection("NL", "https://start.exactonline.nl");
    private Instant now = T0;

    private void fail(String error) {
        connection.recordRound(ExactRound.unreachable(error, null), now);
        now = now.plus(Duration.ofMinutes(1));
    }

    private void failRounds(int rounds) {
        for (int i = 0; i < rounds; i++) {
            assertTrue(connection.admitsRound(now), "round " + (i + 1) + " is admitted while the circuit is closed");
            fail("Exact Online is unavailable (HTTP 503)");
        }
    }

    @Test
    void fourFailedRoundsInARowLeaveTheCircuitClosed() {
        failRounds(ExactCircuit.THRESHOLD - 1);

        assertFalse(connection.getCircuit().isOpen());
        assertTrue(connection.admitsRound(now));
    }

    @Test
    void theFifthFailedRoundInARowOpensTheCircuitUntilTheCoolDownHasPassed() {
        failRounds(ExactCircuit.THRESHOLD);
        Instant lastFailure = now.minus(Duration.ofMinutes(1));

        ExactCircuit circuit = connection.getCircuit();
        assertTrue(circuit.isOpen());
        assertEquals(T0, circuit.getFailingSince(), "unreachable since the first failed round of the series");
        assertEquals(lastFailure.plus(ExactCircuit.COOL_DOWN), circuit.getNextTryAt());
        assertEquals("Exact Online is unavailable (HTTP 503)", circuit.getLastError());
        assertFalse(connection.admitsRound(circuit.getNextTryAt().minusSeconds(1)));
    }

    @Test
    void aRoundThatReachesExactInBetweenStartsTheCountAgain() {
        failRounds(ExactCircuit.THRESHOLD - 1);
        connection.recordRound(ExactRound.answered(null), now);
        failRounds(ExactCircuit.THRESHOLD - 1);

        assertFalse(connection.getCircuit().isOpen());
        assertEquals(ExactCircuit.THRESHOLD - 1, connection.getCircuit().getFailedRounds());
    }

    @Test
    void afterTheCoolDownExactlyOneRoundMayTry() {
        failRounds(ExactCircuit.THRESHOLD);
        Instant retry = connection.getCircuit().getNextTryAt();

        assertTrue(connection.admitsRound(retry), "the half-open try");
        assertFalse(connection.admitsRound(retry.plusSeconds(30)), "another server's round while the try runs");
    }

    @Test
    void aSuccessfulTryClosesTheCircuit() {
        failRounds(ExactCircuit.THRESHOLD);
        Instant retry = connection.getCircuit().getNextTryAt();
        connection.admitsRound(retry);

        connection.recordRound(ExactRound.answered(null), retry.plusSeconds(5));

        assertFalse(connection.getCircuit().isOpen());
        assertNull(connection.getCircuit().getFailingSince());
        assertNull(connection.getCircuit().getLastError());
        assertTrue(connection.admitsRound(retry.plusSeconds(6)));
    }

    @Test
    void aFailedTryStartsANewCoolDownAndKeepsTheStartOfTheOutage() {
        failRounds(ExactCircuit.THRESHOLD);
        Instant retry = connection.getCircuit().getNextTryAt();
        connection.admitsRound(retry);

        now = retry.plusSeconds(40);
        fail("Exact Online did not answer in time (SocketTimeoutException)");

        ExactCircuit circuit = connection.getCircuit();
        assertTrue(circuit.isOpen());
        assertEquals(retry.plusSeconds(40).plus(ExactCircuit.COOL_DOWN), circuit.getNextTryAt());
        assertEquals(T0, circuit.getFailingSince());
        assertEquals("Exact Online did not answer in time (SocketTimeoutException)", circuit.getLastError());
    }

    @Test
    void aTryThatMadeNoCallLeavesTheTryToTheNextRound() {
        failRounds(ExactCircuit.THRESHOLD);
        Instant retry = connection.getCircuit().getNextTryAt();
        connection.admitsRound(retry);

        connection.recordRound(ExactRound.untried(), retry.plusSeconds(1));

        assertTrue(connection.getCircuit().isOpen());
        assertTrue(connection.admitsRound(retry.plusSeconds(2)), "the sync that comes next gets the try");
    }

    @Test
    void aRoundWithoutCallsDoesNotCloseTheCircuitNorCountAsAFailure() {
        failRounds(2);
        connection.recordRound(ExactRound.untried(), now);

        assertEquals(2, connection.getCircuit().getFailedRounds());
    }

    @Test
    void theRateLimitOfTheLastAnswerIsKeptWithTheCallsUsedToday() {
        RateLimit limit = new RateLimit(5000, 4200, T0.plus(Duration.ofHours(15)), 60, 17, T0.plusSeconds(40));

        connection.recordRound(ExactRound.answered(limit), T0);

        LastRateLimit kept = connection.getRateLimit();
        assertEquals(800L, kept.getDailyUsed());
        assertEquals(5000L, kept.getDailyLimit());
        assertEquals(17L, kept.getMinutelyRemaining());
        assertEquals(T0, kept.getSeenAt());
    }

    @Test
    void onlyFailuresThatSayExactIsInTroubleCountAsAnOutageAlsoWhenWrapped() {
        assertEquals("Exact Online is unavailable (HTTP 502)",
                ExactRound.outageIn(new EJBException(new ExactApiException(502, "Exact Online is unavailable (HTTP 502)"))));
        assertEquals("limit", ExactRound.outageIn(new ExactApiException(429, "limit")));
        assertEquals("no answer", ExactRound.outageIn(new ExactApiException(0, "no answer")));
        assertNull(ExactRound.outageIn(new ExactApiException(404, "Exact Online answered HTTP 404: not found")));
        assertNull(ExactRound.outageIn(new ExactApiException(401, "Exact Online refused the access token")));
        assertNull(ExactRound.outageIn(new MalformedRecordException("the answer is not valid JSON")));
        assertNull(ExactRound.outageIn(new IllegalStateException("Cannot store a page")));
    }

    @Test
    void theCockpitSaysTheScheduledSyncWaitsWhileOnlyTheReserveIsLeftToday() {
        Instant reset = T0.plus(Duration.ofHours(15));
        connection.recordRound(ExactRound.answered(new RateLimit(5000, 500, reset, 60, 40, T0.plusSeconds(40))), T0);
        LastRateLimit kept = connection.getRateLimit();

        assertEquals(Optional.of(reset), kept.scheduledSyncWaitsUntil(500, T0));
        assertEquals(Optional.empty(), kept.scheduledSyncWaitsUntil(499, T0), "one call more than the reserve");
        assertEquals(Optional.empty(), kept.scheduledSyncWaitsUntil(0, T0), "no reserve kept");
        assertEquals(Optional.empty(), kept.scheduledSyncWaitsUntil(500, reset), "a new day");
    }
}

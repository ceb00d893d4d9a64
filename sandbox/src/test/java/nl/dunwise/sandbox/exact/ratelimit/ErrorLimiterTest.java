package nl.dunwise.sandbox.exact.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import nl.dunwise.sandbox.exact.MutableClock;

class ErrorLimiterTest {

    private static final String NOTES = "app|user|3124567|activities/CommunicationNotes";
    private static final String ACCOUNTS = "app|user|3124567|crm/Accounts";

    private final MutableClock clock = MutableClock.at("2026-03-10T10:15:00Z");
    private final AtomicInteger limit = new AtomicInteger(10);
    private final ErrorLimiter errors = new ErrorLimiter(clock, limit::get);

    private Optional<Instant> errors(String key, int n) {
        Optional<Instant> last = Optional.empty();
        for (int i = 0; i < n; i++) {
            last = errors.recordError(key);
            clock.advanceSeconds(60);
        }
        return last;
    }

    @Test
    void nineErrorsInAnHourAreTolerated() {
        assertEquals(Optional.empty(), errors(NOTES, 9));
        assertEquals(Optional.empty(), errors.blockedUntil(NOTES));
    }

    @Test
    void theTenthErrorInAnHourBlocksTheEndpointForAnHour() {
        errors(NOTES, 9);
        Instant tenth = clock.instant();
        assertEquals(Optional.of(tenth.plus(Duration.ofHours(1))), errors.recordError(NOTES));
        assertEquals(Optional.of(tenth.plus(Duration.ofHours(1))), errors.blockedUntil(NOTES));
        assertEquals(Optional.empty(), errors.blockedUntil(ACCOUNTS), "other endpoints are not blocked");

        clock.set(tenth.plus(Duration.ofHours(1)));
        assertEquals(Optional.empty(), errors.blockedUntil(NOTES), "lifted after the hour");
    }

    @Test
    void errorsOfAnEarlierHourAreForgotten() {
        errors(NOTES, 9);
        clock.advance(Duration.ofHours(1));
        assertEquals(Optional.empty(), errors(NOTES, 9), "a new window: nine again");
    }

    @Test
    void aBlockSoonAfterTheLastOneLastsTwiceAsLongUpToADay() {
        errors(NOTES, 10);
        Instant firstEnd = errors.blockedUntil(NOTES).orElseThrow();
        clock.set(firstEnd.plusSeconds(30));
        Instant again = clock.instant();
        for (int i = 0; i < 9; i++) {
            errors.recordError(NOTES);
        }
        assertEquals(Optional.of(again.plus(Duration.ofHours(2))), errors.recordError(NOTES));

        for (int round = 0; round < 6; round++) {
            clock.set(errors.blockedUntil(NOTES).orElseThrow());
            for (int i = 0; i < 10; i++) {
                errors.recordError(NOTES);
            }
        }
        assertEquals(Optional.of(clock.instant().plus(Duration.ofDays(1))), errors.blockedUntil(NOTES));
    }

    @Test
    void theLimitIsLiveAndResetForgetsEverything() {
        limit.set(3);
        errors(NOTES, 3);
        assertTrue(errors.blockedUntil(NOTES).isPresent());
        assertEquals(1, errors.blocks().size());
        assertTrue(errors.blocks().containsKey(NOTES));
        errors.reset();
        assertEquals(Map.of(), errors.blocks());
    }
}

package nl.dunwise.sandbox.exact.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import nl.dunwise.sandbox.exact.MutableClock;

class RateLimiterTest {

    private final MutableClock clock = MutableClock.at("2026-03-10T10:15:30Z");
    private final AtomicInteger minutely = new AtomicInteger(3);
    private final AtomicInteger daily = new AtomicInteger(5);
    private final RateLimiter limiter = new RateLimiter(clock, minutely::get, daily::get);

    @Test
    void headersCountDownAndResetTimesAreUnixMillis() {
        RateLimiter.State s = limiter.tryAcquire("app|1");
        assertTrue(s.allowed());
        assertEquals(5, s.dailyLimit());
        assertEquals(4, s.dailyRemaining());
        assertEquals(Instant.parse("2026-03-11T00:00:00Z").toEpochMilli(), s.dailyResetMillis());
        assertEquals(3, s.minutelyLimit());
        assertEquals(2, s.minutelyRemaining());
        assertEquals(Instant.parse("2026-03-10T10:16:30Z").toEpochMilli(), s.minutelyResetMillis());
    }

    @Test
    void minutelyLimitRefusesAndResetsAfterTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("app|1").allowed());
        }
        clock.advanceSeconds(20);
        RateLimiter.State refused = limiter.tryAcquire("app|1");
        assertFalse(refused.allowed());
        assertEquals(0, refused.minutelyRemaining());
        assertEquals(2, refused.dailyRemaining(), "a refused call is not counted");
        assertEquals(Instant.parse("2026-03-10T10:16:30Z").toEpochMilli(), refused.minutelyResetMillis());

        clock.set(Instant.parse("2026-03-10T10:16:30Z"));
        RateLimiter.State again = limiter.tryAcquire("app|1");
        assertTrue(again.allowed());
        assertEquals(2, again.minutelyRemaining());
        assertEquals(Instant.parse("2026-03-10T10:17:30Z").toEpochMilli(), again.minutelyResetMillis());
    }

    @Test
    void dailyLimitHoldsUntilMidnightUtc() {
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.tryAcquire("app|1").allowed());
            clock.advanceSeconds(61);
        }
        RateLimiter.State refused = limiter.tryAcquire("app|1");
        assertFalse(refused.allowed());
        assertEquals(0, refused.dailyRemaining());
        assertTrue(refused.minutelyRemaining() > 0, "refused by the daily, not the minutely budget");

        clock.set(Instant.parse("2026-03-11T00:00:00Z"));
        RateLimiter.State nextDay = limiter.tryAcquire("app|1");
        assertTrue(nextDay.allowed());
        assertEquals(4, nextDay.dailyRemaining());
        assertEquals(Instant.parse("2026-03-12T00:00:00Z").toEpochMilli(), nextDay.dailyResetMillis());
    }

    @Test
    void keysAreIndependent() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("app|1");
        }
        assertFalse(limiter.tryAcquire("app|1").allowed());
        assertTrue(limiter.tryAcquire("app|2").allowed());
        assertTrue(limiter.tryAcquire("other|1").allowed());
    }

    @Test
    void peekDoesNotCountAndLimitsAreLive() {
        assertEquals(3, limiter.peek("app|1").minutelyRemaining());
        limiter.tryAcquire("app|1");
        assertEquals(2, limiter.peek("app|1").minutelyRemaining());
        assertEquals(2, limiter.peek("app|1").minutelyRemaining());
        minutely.set(10);
        assertEquals(9, limiter.peek("app|1").minutelyRemaining());
        limiter.reset();
        assertEquals(10, limiter.peek("app|1").minutelyRemaining());
    }

    @Test
    void exhaustedMinutelyForSimulated429() {
        RateLimiter.State s = limiter.peek("app|1").exhaustedMinutely();
        assertFalse(s.allowed());
        assertEquals(0, s.minutelyRemaining());
        assertEquals(5, s.dailyRemaining());
    }

    @Test
    void totalsCountAllowedAndRefusedCallsOverAllKeysUntilReset() {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire("app|1");
        }
        limiter.tryAcquire("app|2");
        assertEquals(new RateLimiter.Totals(4, 1), limiter.totals());
        limiter.reset();
        assertEquals(new RateLimiter.Totals(0, 0), limiter.totals());
    }
}

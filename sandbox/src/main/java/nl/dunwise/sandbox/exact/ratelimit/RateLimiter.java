package nl.dunwise.sandbox.exact.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Counts calls per key (app + division). The minutely window opens with the first call after the
 * previous one closed and lasts 60 s; the daily window is the UTC day and resets at midnight UTC.
 * A refused call is not counted, so a client that backs off until the reset time gets its full budget.
 * Limits are read through suppliers on every call, so a changed setting applies without a restart.
 */
public final class RateLimiter {

    static final Duration MINUTE = Duration.ofMinutes(1);

    private final Clock clock;
    private final IntSupplier minutelyLimit;
    private final IntSupplier dailyLimit;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicLong allowedCalls = new AtomicLong();
    private final AtomicLong refusedCalls = new AtomicLong();

    public RateLimiter(Clock clock, IntSupplier minutelyLimit, IntSupplier dailyLimit) {
        this.clock = clock;
        this.minutelyLimit = minutelyLimit;
        this.dailyLimit = dailyLimit;
    }

    /**
     * What the six headers say after a call.
     *
     * @param allowed whether the call was let through (and counted)
     */
    public record State(boolean allowed, int dailyLimit, int dailyRemaining, long dailyResetMillis,
                        int minutelyLimit, int minutelyRemaining, long minutelyResetMillis) {

        /** The same state as seen by a call that was refused anyway (a simulated 429). */
        public State exhaustedMinutely() {
            return new State(false, dailyLimit, dailyRemaining, dailyResetMillis, minutelyLimit, 0, minutelyResetMillis);
        }
    }

    /** Counts one call against {@code key} if both budgets allow it. */
    public State tryAcquire(String key) {
        Counter c = counters.computeIfAbsent(key, k -> new Counter());
        synchronized (c) {
            Instant now = clock.instant();
            c.roll(now);
            int minLimit = minutelyLimit.getAsInt();
            int dayLimit = dailyLimit.getAsInt();
            boolean allowed = c.minuteCount < minLimit && c.dayCount < dayLimit;
            if (allowed) {
                if (c.minuteStart == null) {
                    c.minuteStart = now;
                }
                c.minuteCount++;
                c.dayCount++;
            }
            (allowed ? allowedCalls : refusedCalls).incrementAndGet();
            return c.state(allowed, now, minLimit, dayLimit);
        }
    }

    /** The current state for {@code key} without counting a call. */
    public State peek(String key) {
        Counter c = counters.get(key);
        Instant now = clock.instant();
        if (c == null) {
            return new Counter().state(true, now, minutelyLimit.getAsInt(), dailyLimit.getAsInt());
        }
        synchronized (c) {
            c.roll(now);
            return c.state(true, now, minutelyLimit.getAsInt(), dailyLimit.getAsInt());
        }
    }

    /**
     * Calls let through and refused with a 429 since the start or the last {@link #reset}, over all apps and
     * divisions: what a benchmark compares a client's calls with, seen from the server's side.
     */
    public record Totals(long allowed, long refused) {
    }

    public Totals totals() {
        return new Totals(allowedCalls.get(), refusedCalls.get());
    }

    /** Forgets all counts (control endpoint). */
    public void reset() {
        counters.clear();
        allowedCalls.set(0);
        refusedCalls.set(0);
    }

    /** Next midnight UTC after {@code now}. */
    static Instant nextMidnightUtc(Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        return today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static final class Counter {
        Instant minuteStart;
        int minuteCount;
        LocalDate day;
        int dayCount;

        void roll(Instant now) {
            if (minuteStart != null && !now.isBefore(minuteStart.plus(MINUTE))) {
                minuteStart = null;
                minuteCount = 0;
            }
            LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
            if (!today.equals(day)) {
                day = today;
                dayCount = 0;
            }
        }

        State state(boolean allowed, Instant now, int minLimit, int dayLimit) {
            Instant minuteReset = (minuteStart == null ? now : minuteStart).plus(MINUTE);
            return new State(allowed,
                    dayLimit, Math.max(0, dayLimit - dayCount), nextMidnightUtc(now).toEpochMilli(),
                    minLimit, Math.max(0, minLimit - minuteCount), minuteReset.toEpochMilli());
        }
    }
}

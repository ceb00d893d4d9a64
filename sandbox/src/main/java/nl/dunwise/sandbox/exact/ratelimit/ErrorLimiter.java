package nl.dunwise.sandbox.exact.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Exact's error limit: per key (app, user, division and endpoint) at most so many errors an hour, after which
 * the key is blocked. The hour is a window opened by the first error after the previous one closed, like the
 * minutely window of {@link RateLimiter}. The error that reaches the limit blocks the key for an hour; a block
 * that starts within an hour after the previous one ended lasts twice as long as that one (at most a day),
 * because Exact lengthens the block for an app that keeps making errors. A blocked call is not an error itself.
 */
public final class ErrorLimiter {

    static final Duration HOUR = Duration.ofHours(1);
    static final Duration LONGEST_BLOCK = Duration.ofDays(1);

    private final Clock clock;
    private final IntSupplier errorsPerHour;
    private final Map<String, Errors> keys = new ConcurrentHashMap<>();

    public ErrorLimiter(Clock clock, IntSupplier errorsPerHour) {
        this.clock = clock;
        this.errorsPerHour = errorsPerHour;
    }

    /** Until when {@code key} is blocked, if it is now. */
    public Optional<Instant> blockedUntil(String key) {
        Errors e = keys.get(key);
        if (e == null) {
            return Optional.empty();
        }
        synchronized (e) {
            Instant now = clock.instant();
            return e.blockedUntil != null && now.isBefore(e.blockedUntil) ? Optional.of(e.blockedUntil) : Optional.empty();
        }
    }

    /** Counts an error of {@code key}; answers the block it started when it was the one that reached the limit. */
    public Optional<Instant> recordError(String key) {
        Errors e = keys.computeIfAbsent(key, k -> new Errors());
        synchronized (e) {
            Instant now = clock.instant();
            if (e.windowStart == null || !now.isBefore(e.windowStart.plus(HOUR))) {
                e.windowStart = now;
                e.count = 0;
            }
            e.count++;
            if (e.count < errorsPerHour.getAsInt()) {
                return Optional.empty();
            }
            boolean repeated = e.blockedUntil != null && now.isBefore(e.blockedUntil.plus(HOUR));
            Duration length = repeated ? min(e.lastBlock.multipliedBy(2), LONGEST_BLOCK) : HOUR;
            e.lastBlock = length;
            e.blockedUntil = now.plus(length);
            e.windowStart = null;
            e.count = 0;
            return Optional.of(e.blockedUntil);
        }
    }

    /** The keys blocked now and until when, in key order (control endpoint). */
    public Map<String, Instant> blocks() {
        Map<String, Instant> blocked = new TreeMap<>();
        keys.keySet().forEach(k -> blockedUntil(k).ifPresent(until -> blocked.put(k, until)));
        return blocked;
    }

    /** Forgets all errors and blocks (control endpoint). */
    public void reset() {
        keys.clear();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static final class Errors {
        Instant windowStart;
        int count;
        Instant blockedUntil;
        Duration lastBlock;
    }
}

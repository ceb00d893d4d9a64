package nl.dunwise.exact.writeback;

import java.time.Duration;

/**
 * When a write-back is tried again. Transient failures (429, 5xx, time-outs, a 401 that survived one
 * refresh) wait 1, 2, 4 ... minutes, at most an hour, and give up after {@value #MAX_ATTEMPTS} attempts
 * (about 8 hours); a permanent one (400, 403, 404) gives up at once, because Exact blocks an app that
 * repeats errors (10 per endpoint per hour).
 */
public final class RetryPolicy {

    public static final int MAX_ATTEMPTS = 10;

    /**
     * How long a claim holds a row. Longer than one send can take (the client's four attempts with a 60 s
     * read time-out and its waits for the rate limit), so that no second sender takes a row still in flight.
     */
    public static final Duration CLAIM = Duration.ofMinutes(15);

    private static final Duration CAP = Duration.ofHours(1);

    private RetryPolicy() {
    }

    /** The wait after the {@code attempts}-th attempt failed transiently. */
    public static Duration backoff(int attempts) {
        Duration wait = Duration.ofMinutes(1L << Math.min(Math.max(attempts - 1, 0), 6));
        return wait.compareTo(CAP) > 0 ? CAP : wait;
    }

    public static boolean givesUp(int attempts, boolean permanent) {
        return permanent || attempts >= MAX_ATTEMPTS;
    }
}

package nl.dunwise.sandbox.exact.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How a batch of due deliveries goes out, and when a failed one is tried again. */
public final class DeliveryPlan {

    /** Attempts before a delivery is given up (Exact, too, stops after a few). */
    public static final int MAX_ATTEMPTS = 5;

    private DeliveryPlan() {
    }

    /**
     * The order of sending: oldest first, unless a test asked for duplicates (each sent twice in a row) or
     * for disorder (newest first).
     */
    public static <T> List<T> arrange(List<T> oldestFirst, boolean duplicate, boolean outOfOrder) {
        List<T> order = new ArrayList<>(oldestFirst);
        if (outOfOrder) {
            java.util.Collections.reverse(order);
        }
        if (!duplicate) {
            return order;
        }
        List<T> twice = new ArrayList<>(order.size() * 2);
        for (T t : order) {
            twice.add(t);
            twice.add(t);
        }
        return twice;
    }

    /** After failed attempt {@code attempts} (1-based): when to try again, or empty to give up. */
    public static Optional<Instant> retryAt(int attempts, Instant now) {
        if (attempts >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        return Optional.of(now.plus(Duration.ofSeconds(2L << (2 * (attempts - 1)))));
    }
}

package nl.dunwise.exact;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * The circuit breaker around Exact Online, kept on the connection row so that every server of a cluster
 * sees the same state. Closed: rounds call Exact. After {@link #THRESHOLD} failed rounds in a row it opens:
 * scheduled rounds skip Exact until the cool-down has passed; then one round may try (half-open) while the
 * others keep skipping, and its outcome closes the circuit or starts a new cool-down.
 */
@Embeddable
public class ExactCircuit {

    /** Enough to ride out a short hiccup that {@code ExactClient}'s own retries did not; a run of a few minutes. */
    static final int THRESHOLD = 5;

    /** Longer than a sync interval, so a half-open try is a real sign of life, and short enough to notice a recovery soon. */
    static final Duration COOL_DOWN = Duration.ofMinutes(15);

    @Column(name = "failed_rounds", nullable = false)
    private int failedRounds;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "next_try_at")
    private Instant nextTryAt;

    @Column(name = "last_round_error")
    private String lastError;

    /**
     * Whether a scheduled round may call Exact now. When the cool-down has passed this claims the one try of
     * the half-open state: until its outcome is recorded, or another cool-down passes, others are refused.
     */
    boolean admits(Instant now) {
        if (!isOpen()) {
            return true;
        }
        if (now.isBefore(nextTryAt)) {
            return false;
        }
        nextTryAt = now.plus(COOL_DOWN);
        return true;
    }

    /** Exact answered: whatever came before, it is reachable. */
    void succeeded() {
        failedRounds = 0;
        failingSince = null;
        nextTryAt = null;
        lastError = null;
    }

    /** A round was stopped by Exact being unreachable, overloaded or failing (time-out, 429, 5xx). */
    void failed(String error, Instant now) {
        if (failedRounds == 0) {
            failingSince = now;
        }
        failedRounds++;
        lastError = error;
        if (isOpen() || failedRounds >= THRESHOLD) {
            nextTryAt = now.plus(COOL_DOWN);
        }
    }

    /** A round made no call (nothing to send): it proves nothing, so a claimed half-open try goes to the next round. */
    void untried(Instant now) {
        if (isOpen()) {
            nextTryAt = now;
        }
    }

    public boolean isOpen() {
        return nextTryAt != null;
    }

    public int getFailedRounds() {
        return failedRounds;
    }

    /** The first failed round of the current series: since when Exact has been unreachable. */
    public Instant getFailingSince() {
        return failingSince;
    }

    public Instant getNextTryAt() {
        return nextTryAt;
    }

    public String getLastError() {
        return lastError;
    }
}

package nl.dunwise.exact;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Optional;
import nl.dunwise.exact.client.RateLimit;

/** The rate-limit headers of the last answer Exact gave a round, for the cockpit: calls used today and this minute. */
@Embeddable
public class LastRateLimit {

    @Column(name = "rate_limit_seen_at")
    private Instant seenAt;

    @Column(name = "daily_limit")
    private Long dailyLimit;

    @Column(name = "daily_remaining")
    private Long dailyRemaining;

    @Column(name = "daily_reset_at")
    private Instant dailyResetAt;

    @Column(name = "minutely_limit")
    private Long minutelyLimit;

    @Column(name = "minutely_remaining")
    private Long minutelyRemaining;

    @Column(name = "minutely_reset_at")
    private Instant minutelyResetAt;

    void seen(RateLimit limit, Instant at) {
        seenAt = at;
        dailyLimit = known(limit.dailyLimit());
        dailyRemaining = known(limit.dailyRemaining());
        dailyResetAt = limit.dailyReset();
        minutelyLimit = known(limit.minutelyLimit());
        minutelyRemaining = known(limit.minutelyRemaining());
        minutelyResetAt = limit.minutelyReset();
    }

    /** RateLimit says -1 for a header Exact left out. */
    private static Long known(long value) {
        return value < 0 ? null : value;
    }

    /** As the headers said, for a client that starts where the last round ended; null when none were seen. */
    public RateLimit asRateLimit() {
        if (!isKnown()) {
            return null;
        }
        return new RateLimit(unknown(dailyLimit), unknown(dailyRemaining), dailyResetAt,
                unknown(minutelyLimit), unknown(minutelyRemaining), minutelyResetAt);
    }

    private static long unknown(Long value) {
        return value == null ? -1 : value;
    }

    /**
     * The daily reset a scheduled sync waits for when this answer left no more calls today than the reserve;
     * empty when it may call (more left, no reserve, or the day has reset since).
     */
    public Optional<Instant> scheduledSyncWaitsUntil(long dailyReserve, Instant now) {
        if (dailyReserve <= 0 || dailyRemaining == null || dailyResetAt == null || !dailyResetAt.isAfter(now)
                || dailyRemaining > dailyReserve) {
            return Optional.empty();
        }
        return Optional.of(dailyResetAt);
    }

    public boolean isKnown() {
        return seenAt != null;
    }

    /** Calls used today; null when a header was missing. */
    public Long getDailyUsed() {
        return dailyLimit == null || dailyRemaining == null ? null : dailyLimit - dailyRemaining;
    }

    public Instant getSeenAt() {
        return seenAt;
    }

    public Long getDailyLimit() {
        return dailyLimit;
    }

    public Long getDailyRemaining() {
        return dailyRemaining;
    }

    public Instant getDailyResetAt() {
        return dailyResetAt;
    }

    public Long getMinutelyLimit() {
        return minutelyLimit;
    }

    public Long getMinutelyRemaining() {
        return minutelyRemaining;
    }

    public Instant getMinutelyResetAt() {
        return minutelyResetAt;
    }
}

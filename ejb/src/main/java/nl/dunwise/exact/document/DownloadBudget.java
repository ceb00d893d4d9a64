package nl.dunwise.exact.document;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import nl.dunwise.exact.client.RateLimit;

/**
 * The rate-limit headers of the last PDF download on this server. A dispatcher run may want a PDF for every
 * reminder it sends, each a call against the same 60 a minute the sync and the write-backs live on: downloads
 * stop while this minute (or day) has no more than {@link #RESERVE} calls left, and those reminders go without
 * their PDFs. In memory and per server: the connection's stored headers cover what the other servers spent.
 */
@ApplicationScoped
public class DownloadBudget {

    /** Calls a minute left to the sync and the write-backs, which wait for the reset rather than go without. */
    static final long RESERVE = 5;

    private final AtomicReference<RateLimit> last = new AtomicReference<>();

    void seen(Optional<RateLimit> rateLimit) {
        rateLimit.ifPresent(last::set);
    }

    /** Why no download should be made now; empty while the budget allows one. */
    Optional<String> exhausted(Instant now) {
        RateLimit r = last.get();
        if (r == null) {
            return Optional.empty();
        }
        if (r.dailyRemaining() >= 0 && r.dailyRemaining() <= RESERVE && r.dailyReset() != null && now.isBefore(r.dailyReset())) {
            return Optional.of("Exact Online's daily calls are kept for the sync until " + r.dailyReset());
        }
        if (r.minutelyRemaining() >= 0 && r.minutelyRemaining() <= RESERVE && r.minutelyReset() != null
                && now.isBefore(r.minutelyReset())) {
            return Optional.of("Exact Online's calls for this minute are kept for the sync until " + r.minutelyReset());
        }
        return Optional.empty();
    }
}

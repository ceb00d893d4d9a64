package nl.dunwise.exact.client;

import java.time.Instant;

/**
 * A scheduled sync (or a round of invoice PDFs) stopped before a call because what is left of the day's (or,
 * for PDFs, the minute's) budget is the reserve kept for write-back and for syncs people ask for. Not an outage
 * and no call was made; the work resumes after {@link #resetAt()}.
 */
public class BudgetReservedException extends ExactApiException {

    private final Instant resetAt;

    public BudgetReservedException(String message, Instant resetAt) {
        super(429, message);
        this.resetAt = resetAt;
    }

    public Instant resetAt() {
        return resetAt;
    }

    @Override
    public boolean isOutage() {
        return false;
    }
}

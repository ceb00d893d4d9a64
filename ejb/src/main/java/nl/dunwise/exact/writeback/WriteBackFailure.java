package nl.dunwise.exact.writeback;

import java.time.Instant;

/**
 * A FAILED write-back as the cockpit lists it, with the debtor it is about (code and name are null when
 * the account is not, or no longer, among the synced debtors).
 */
public record WriteBackFailure(long id, int division, WriteBackKind kind, String source, String debtorCode,
        String debtorName, int attempts, String lastError, Instant createdAt,
        Instant lastAttemptAt) {
}

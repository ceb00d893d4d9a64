package nl.dunwise.exact.writeback;

import java.io.Serializable;
import java.time.Instant;

/** One write-back about an account as the debtor's page lists it; {@code doneAt} is null until Exact accepted it. */
public record AccountWriteBack(long id, WriteBackKind kind, String source, WriteBackStatus status, int attempts,
        String lastError, Instant createdAt, Instant doneAt) implements Serializable {
}

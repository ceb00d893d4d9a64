package nl.dunwise.exact.writeback;

import java.util.UUID;

/**
 * One write-back as a sender claimed it. {@code attempts} counts this attempt too: an outcome is recorded
 * only while the row still carries that count, so a sender whose claim ran out cannot overwrite the
 * outcome of the sender that took the row over.
 *
 * @param payload the JSON body for Exact without the account (Subject and Notes, or Blocked, ...)
 * @param source  the event it came from, e.g. {@code reminder:42}; unique per kind
 */
public record WriteBack(long id, int division, WriteBackKind kind, UUID accountId, String payload, String source,
        int attempts) {
}

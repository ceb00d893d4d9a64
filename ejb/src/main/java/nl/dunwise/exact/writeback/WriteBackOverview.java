package nl.dunwise.exact.writeback;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The outbox at a glance for the cockpit; {@code oldestPending} is null when nothing waits. */
public record WriteBackOverview(Map<WriteBackStatus, Long> counts, Instant oldestPending,
        List<WriteBackFailure> latestFailures) {

    public long count(WriteBackStatus status) {
        return counts.getOrDefault(status, 0L);
    }
}

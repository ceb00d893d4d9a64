package nl.dunwise.exact.sync;

import java.time.Instant;

/**
 * How far the sync of one entity of one division has come, for the cockpit; {@code rowsThisRun} counts the
 * rows of the running (or last) run, the progress shown while it runs.
 */
public record SyncStatus(int division, String entity, long lastTimestamp, long rowsSynced, long rowsSkipped,
        Instant lastStartedAt, Instant lastSuccessAt, String lastError, Long callsUsedToday, Long dailyLimit,
        long rowsThisRun) {

    public boolean running() {
        return lastStartedAt != null && (lastSuccessAt == null || lastStartedAt.isAfter(lastSuccessAt)) && lastError == null;
    }
}

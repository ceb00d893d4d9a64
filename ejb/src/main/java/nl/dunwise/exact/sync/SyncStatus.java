package nl.dunwise.exact.sync;

import java.time.Instant;

/** How far the sync of one entity of one division has come, for the cockpit. */
public record SyncStatus(int division, String entity, long lastTimestamp, long rowsSynced, long rowsSkipped,
        Instant lastStartedAt, Instant lastSuccessAt, String lastError, Long callsUsedToday, Long dailyLimit) {

    public boolean running() {
        return lastStartedAt != null && (lastSuccessAt == null || lastStartedAt.isAfter(lastSuccessAt)) && lastError == null;
    }
}

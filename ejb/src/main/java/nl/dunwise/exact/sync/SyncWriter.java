package nl.dunwise.exact.sync;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.exact.client.RateLimit;
import nl.dunwise.exact.client.SyncEndpoint;

/**
 * Writes sync pages, each in its own transaction together with the sync position, so that what is
 * committed and where the next run starts can never disagree.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SyncWriter {

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @Inject
    private AuditLog audit;

    /** Marks the start and answers the Timestamp to continue after. */
    public long start(int division, SyncEndpoint endpoint) {
        String sql = """
                INSERT INTO sync_state (division, entity, last_started_at) VALUES (?, ?, ?)
                ON CONFLICT (division, entity) DO UPDATE SET last_started_at = excluded.last_started_at, last_error = NULL
                RETURNING last_timestamp
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, division);
            ps.setString(2, endpoint.stateKey());
            ps.setTimestamp(3, now());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the sync position", e);
        }
    }

    /** Upserts one page and moves the sync position to its highest Timestamp; answers the rows stored. */
    public int write(int division, String divisionCurrency, SyncEndpoint endpoint, List<JsonObject> records) {
        if (records.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            int stored;
            long maxTimestamp;
            switch (endpoint) {
                case ACCOUNTS -> {
                    List<AccountRecord> rows = AccountRecord.parseAll(records);
                    stored = ReceivableUpserts.upsertAccounts(c, division, rows, now());
                    maxTimestamp = rows.stream().mapToLong(AccountRecord::timestamp).max().orElse(0);
                }
                case PAYMENT_TERMS -> {
                    List<PaymentTermRecord> rows = PaymentTermRecord.parseAll(records);
                    stored = ReceivableUpserts.upsertPaymentTerms(c, division, divisionCurrency, rows, now());
                    maxTimestamp = rows.stream().mapToLong(PaymentTermRecord::timestamp).max().orElse(0);
                }
                default -> throw new IllegalArgumentException("No writer for " + endpoint);
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE sync_state SET last_timestamp = greatest(last_timestamp, ?),
                           rows_synced = rows_synced + ?, rows_skipped = rows_skipped + ?
                    WHERE division = ? AND entity = ?
                    """)) {
                ps.setLong(1, maxTimestamp);
                ps.setLong(2, stored);
                ps.setLong(3, records.size() - stored);
                ps.setInt(4, division);
                ps.setString(5, endpoint.stateKey());
                ps.executeUpdate();
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store a page of " + endpoint.stateKey() + ": " + e.getMessage(), e);
        }
    }

    public void finished(int division, SyncEndpoint endpoint, RateLimit rateLimit, Actor actor, long rows) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE sync_state SET last_success_at = ?, last_error = NULL,
                       daily_calls_used = coalesce(?, daily_calls_used), daily_call_limit = coalesce(?, daily_call_limit)
                WHERE division = ? AND entity = ?
                """)) {
            ps.setTimestamp(1, now());
            ps.setObject(2, rateLimit == null ? null : rateLimit.dailyUsed());
            ps.setObject(3, rateLimit == null ? null : rateLimit.dailyLimit());
            ps.setInt(4, division);
            ps.setString(5, endpoint.stateKey());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the end of a sync", e);
        }
        audit.record(division, actor, "EXACT_SYNCED", "SyncState", endpoint.stateKey(), rows + " rows");
    }

    public void failed(int division, SyncEndpoint endpoint, String error) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE sync_state SET last_error = ? WHERE division = ? AND entity = ?")) {
            ps.setString(1, error);
            ps.setInt(2, division);
            ps.setString(3, endpoint.stateKey());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a sync failure", e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SyncStatus> status() {
        List<SyncStatus> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT division, entity, last_timestamp, rows_synced, rows_skipped, last_started_at, last_success_at,
                       last_error, daily_calls_used, daily_call_limit
                FROM sync_state ORDER BY division, entity
                """); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new SyncStatus(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getString(8),
                        (Long) rs.getObject(9), (Long) rs.getObject(10)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the sync status", e);
        }
        return result;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

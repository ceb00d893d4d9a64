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
import java.sql.Types;
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

    public SyncWriter() {
    }

    /**
     * Outside the container: tests and the sync benchmark write pages to a database of their own; they do not
     * call {@link #finished}, which needs the audit log.
     */
    public SyncWriter(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Marks the start and answers the Timestamp to continue after. */
    public long start(int division, SyncEndpoint endpoint) {
        String sql = """
                INSERT INTO sync_state (division, entity, last_started_at) VALUES (?, ?, ?)
                ON CONFLICT (division, entity) DO UPDATE SET last_started_at = excluded.last_started_at, last_error = NULL,
                                                     rows_this_run = 0
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

    /**
     * Upserts one page and moves the sync position to its highest Timestamp; answers the rows stored.
     * Records that cannot be read are skipped and counted, with the last reason kept for the cockpit.
     */
    public int write(int division, String divisionCurrency, SyncEndpoint endpoint, List<JsonObject> records) {
        if (records.isEmpty()) {
            return 0;
        }
        Timestamp now = now();
        try (Connection c = dataSource.getConnection()) {
            Stored page = switch (endpoint) {
                case ACCOUNTS -> store(AccountRecord.parseAll(records),
                        rows -> ReceivableUpserts.upsertAccounts(c, division, rows, now));
                case CONTACTS -> store(ContactRecord.parseAll(records),
                        rows -> ContactUpserts.upsert(c, division, rows, now));
                case PAYMENT_TERMS -> store(PaymentTermRecord.parseAll(records), rows -> {
                    int stored = ReceivableUpserts.upsertPaymentTerms(c, division, divisionCurrency, rows, now);
                    PaymentUpserts.linkWaiting(c, division, rows);
                    return stored;
                });
                case TRANSACTION_LINES -> store(TransactionLineRecord.parseAll(records), rows -> {
                    List<TransactionLineRecord> payments = rows.stream().filter(TransactionLineRecord::isPayment).toList();
                    return payments.isEmpty() ? 0 : PaymentUpserts.upsert(c, division, divisionCurrency, payments);
                });
                case SALES_INVOICES -> store(SalesInvoiceRecord.parseAll(records),
                        rows -> DocumentUpserts.upsertSalesInvoices(c, division, rows, now));
                case DOCUMENT_ATTACHMENTS -> store(DocumentAttachmentRecord.parseAll(records),
                        rows -> DocumentUpserts.upsertAttachments(c, division, rows, now));
                case DELETED -> store(DeletionRecord.parseAll(records),
                        rows -> DeletionUpdates.apply(c, division, rows, now));
            };
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE sync_state SET last_timestamp = greatest(last_timestamp, ?),
                           rows_synced = rows_synced + ?, rows_this_run = rows_this_run + ?, rows_skipped = rows_skipped + ?,
                           last_skip_reason = coalesce(?, last_skip_reason)
                    WHERE division = ? AND entity = ?
                    """)) {
                ps.setObject(1, page.maxTimestamp(), Types.BIGINT);
                ps.setLong(2, page.stored());
                ps.setLong(3, page.stored());
                ps.setLong(4, page.malformed());
                ps.setString(5, page.lastProblem());
                ps.setInt(6, division);
                ps.setString(7, endpoint.stateKey());
                ps.executeUpdate();
            }
            return page.stored();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store a page of " + endpoint.stateKey() + ": " + e.getMessage(), e);
        }
    }

    private static <T> Stored store(ParsedPage<T> page, PageStore<T> store) throws SQLException {
        int stored = page.rows().isEmpty() ? 0 : store.store(page.rows());
        return new Stored(stored, page.malformed(), page.lastProblem(),
                page.maxTimestamp().isPresent() ? page.maxTimestamp().getAsLong() : null);
    }

    @FunctionalInterface
    private interface PageStore<T> {
        int store(List<T> rows) throws SQLException;
    }

    private record Stored(int stored, int malformed, String lastProblem, Long maxTimestamp) {
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
                       last_error, daily_calls_used, daily_call_limit, rows_this_run
                FROM sync_state ORDER BY division, entity
                """); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new SyncStatus(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getString(8),
                        (Long) rs.getObject(9), (Long) rs.getObject(10), rs.getLong(11)));
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

package nl.dunwise.exact.writeback;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import nl.dunwise.platform.SqlRows;

/**
 * The outbox table {@code exact_writeback} in SQL. Every method runs in the caller's transaction (in the
 * container: the EJB's; in tests: one autocommit statement), so {@link #enqueue} commits with the change
 * that caused it, and a claim is committed before anyone calls Exact.
 */
@Stateless
public class WriteBackQueue {

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    public WriteBackQueue() {
    }

    /** For code that runs the outbox outside the container: tests, benchmarks. */
    public WriteBackQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues a write-back, due at once; false when the same kind from the same source is queued already. */
    public boolean enqueue(int division, WriteBackKind kind, UUID account, String payload, String source, Instant now) {
        return update("""
                INSERT INTO exact_writeback (division, kind, account_id, payload, source, status, attempts,
                                             next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                ON CONFLICT (kind, source) DO NOTHING
                """, division, kind.name(), account, payload, source, ts(now), ts(now)) == 1;
    }

    /**
     * Queues a change of an account field (HOLD, CREDIT_LINE) whose newest value must win: the same kind's rows
     * for the account still waiting get the new value too, so that a retry of an older one, sent after this
     * one, cannot put the old value back. False when the same source queued it already.
     */
    public boolean enqueueLatest(int division, WriteBackKind kind, UUID account, String payload, String source, Instant now) {
        if (!enqueue(division, kind, account, payload, source, now)) {
            return false;
        }
        update("""
                UPDATE exact_writeback SET payload = ?
                WHERE division = ? AND kind = ? AND account_id = ? AND status = 'PENDING' AND source <> ?
                """, payload, division, kind.name(), account, source);
        return true;
    }

    /*
     * Takes up to n due rows that no other transaction holds, counts the attempt and holds them for the claim
     * period by moving next_attempt_at: while this statement's transaction runs a second claimer skips them
     * (SKIP LOCKED), after it commits they are not due. A sender that dies mid-way leaves them to be taken
     * again when the claim runs out.
     */
    private static final String CLAIM = """
            UPDATE exact_writeback w
            SET attempts = w.attempts + 1, last_attempt_at = ?, next_attempt_at = ?
            WHERE w.id IN (SELECT id FROM exact_writeback
                           WHERE status = 'PENDING' AND next_attempt_at <= ?
                           ORDER BY next_attempt_at, id
                           LIMIT ?
                           FOR UPDATE SKIP LOCKED)
            RETURNING w.id, w.division, w.kind, w.account_id, w.payload, w.source, w.attempts
            """;

    /** Claims up to {@code max} due write-backs, oldest due first. */
    public List<WriteBack> claim(int max, Instant now, Duration hold) {
        try (Connection c = dataSource.getConnection()) {
            return claim(c, max, now, hold);
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming write-backs failed: " + e.getMessage(), e);
        }
    }

    List<WriteBack> claim(Connection c, int max, Instant now, Duration hold) throws SQLException {
        List<WriteBack> claimed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            bind(ps, ts(now), ts(now.plus(hold)), ts(now), max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new WriteBack(rs.getLong(1), rs.getInt(2), WriteBackKind.valueOf(rs.getString(3)),
                            rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getInt(7)));
                }
            }
        }
        claimed.sort(Comparator.comparingLong(WriteBack::id));
        return claimed;
    }

    /** Exact accepted it; false when the claim had run out and another sender took the row over. */
    public boolean done(WriteBack claimed, UUID exactId, Instant now) {
        return update("""
                UPDATE exact_writeback SET status = 'DONE', done_at = ?, exact_id = ?, last_error = NULL
                WHERE id = ? AND attempts = ? AND status = 'PENDING'
                """, ts(now), exactId, claimed.id(), claimed.attempts()) == 1;
    }

    /**
     * The attempt failed: FAILED when the failure is permanent or the attempts are used up, else PENDING
     * again after the backoff. Empty when the claim had run out.
     */
    public Optional<WriteBackStatus> failed(WriteBack claimed, String error, boolean permanent, Instant now) {
        boolean givesUp = RetryPolicy.givesUp(claimed.attempts(), permanent);
        WriteBackStatus status = givesUp ? WriteBackStatus.FAILED : WriteBackStatus.PENDING;
        int updated = update("""
                UPDATE exact_writeback SET status = ?, next_attempt_at = ?, last_error = ?
                WHERE id = ? AND attempts = ? AND status = 'PENDING'
                """, status.name(), ts(givesUp ? now : now.plus(RetryPolicy.backoff(claimed.attempts()))), error,
                claimed.id(), claimed.attempts());
        return updated == 1 ? Optional.of(status) : Optional.empty();
    }

    /** Gives a claimed row back untried: due at once, the attempt not counted. */
    public void release(WriteBack claimed, Instant now) {
        update("""
                UPDATE exact_writeback SET attempts = attempts - 1, next_attempt_at = ?
                WHERE id = ? AND attempts = ? AND status = 'PENDING'
                """, ts(now), claimed.id(), claimed.attempts());
    }

    /**
     * A FAILED write-back gets a fresh set of attempts, due at once; returns its division and source, or empty
     * when there is no FAILED write-back with this id.
     */
    public Optional<Retried> retry(long id, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE exact_writeback SET status = 'PENDING', attempts = 0, next_attempt_at = ?
                WHERE id = ? AND status = 'FAILED'
                RETURNING division, kind, source
                """)) {
            bind(ps, ts(now), id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Retried(id, rs.getInt(1), WriteBackKind.valueOf(rs.getString(2)), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Retrying write-back " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** What {@link #retry} put back in the queue. */
    public record Retried(long id, int division, WriteBackKind kind, String source) {
    }

    /** For the cockpit: how many per status, the oldest still pending, the latest failures. */
    public WriteBackOverview overview(int latestFailures) {
        Map<WriteBackStatus, Long> counts = new EnumMap<>(WriteBackStatus.class);
        for (WriteBackStatus s : WriteBackStatus.values()) {
            counts.put(s, 0L);
        }
        Instant oldestPending;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM exact_writeback GROUP BY status");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(WriteBackStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT min(created_at) FROM exact_writeback WHERE status = 'PENDING'");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                oldestPending = instant(rs, 1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the write-back overview failed: " + e.getMessage(), e);
        }
        return new WriteBackOverview(counts, oldestPending, latestFailures(latestFailures));
    }

    /** The write-backs about one account, newest first. */
    public List<AccountWriteBack> ofAccount(int division, UUID account, int max) {
        return SqlRows.query(dataSource, "The write-backs of account " + account, """
                SELECT id, kind, source, status, attempts, last_error, created_at, done_at
                FROM exact_writeback WHERE division = ? AND account_id = ?
                ORDER BY created_at DESC, id DESC LIMIT ?
                """, rs -> new AccountWriteBack(rs.getLong(1), WriteBackKind.valueOf(rs.getString(2)), rs.getString(3),
                        WriteBackStatus.valueOf(rs.getString(4)), rs.getInt(5), rs.getString(6), instant(rs, 7), instant(rs, 8)),
                division, account, max);
    }

    /** FAILED write-backs with the debtor they are about (by its Exact account), latest attempt first. */
    private List<WriteBackFailure> latestFailures(int max) {
        return SqlRows.query(dataSource, "The failed write-backs", """
                SELECT w.id, w.division, w.kind, w.source, d.code, d.name, w.attempts, w.last_error,
                       w.created_at, w.last_attempt_at
                FROM exact_writeback w
                LEFT JOIN debtor d ON d.division = w.division AND d.exact_id = w.account_id
                WHERE w.status = 'FAILED'
                ORDER BY w.last_attempt_at DESC NULLS LAST, w.id DESC
                LIMIT ?
                """, rs -> new WriteBackFailure(rs.getLong(1), rs.getInt(2), WriteBackKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
                        instant(rs, 9), instant(rs, 10)), max);
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the write-back outbox failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}

package nl.dunwise.sandbox.exact.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import nl.dunwise.sandbox.exact.model.Entities;

/**
 * Deleting in the simulated Exact: the record goes, and a row of {@code exs_deleted} with a new Timestamp
 * tells sync/Deleted about it, in one transaction under the write lock so that Timestamps commit in order.
 * Like Exact, an account that has entries cannot be deleted, nor a term that has been (part-)paid; the
 * account's contacts and the term's sales lines go with it, each recorded as deleted.
 */
@Stateless
public class Deletions {

    public enum Outcome { DELETED, NOT_FOUND, IN_USE }

    @Resource(lookup = "jdbc/exactSandbox")
    DataSource dataSource;

    @Inject
    Clock clock;

    public Outcome deleteAccount(int division, UUID id) {
        try (Connection c = dataSource.getConnection()) {
            lock(c);
            if (!exists(c, "SELECT 1 FROM exs_account WHERE division = ? AND id = ?", division, id)) {
                return Outcome.NOT_FOUND;
            }
            if (exists(c, "SELECT 1 FROM exs_payment_term WHERE division = ? AND account_id = ? UNION ALL "
                    + "SELECT 1 FROM exs_transaction_line WHERE division = ? AND account_id = ?", division, id, division, id)) {
                return Outcome.IN_USE;
            }
            record(c, """
                    contacts AS (DELETE FROM exs_contact WHERE division = ? AND account_id = ? RETURNING id),
                    account AS (DELETE FROM exs_account WHERE division = ? AND id = ? RETURNING id),
                    gone(key, type) AS (SELECT id, ? FROM contacts UNION ALL SELECT id, ? FROM account)
                    """, division, id, division, id, Entities.DELETED_TYPE_CONTACTS, Entities.DELETED_TYPE_ACCOUNTS,
                    division, Jdbc.utc(clock.instant()));
            return Outcome.DELETED;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete account " + id + ": " + e.getMessage(), e);
        }
    }

    public Outcome deletePaymentTerm(int division, UUID id) {
        try (Connection c = dataSource.getConnection()) {
            lock(c);
            if (!exists(c, "SELECT 1 FROM exs_payment_term WHERE division = ? AND id = ?", division, id)) {
                return Outcome.NOT_FOUND;
            }
            if (exists(c, "SELECT 1 FROM exs_payment_term WHERE division = ? AND id = ? AND amount_dc <> transaction_amount_dc",
                    division, id)) {
                return Outcome.IN_USE;
            }
            record(c, """
                    term AS (DELETE FROM exs_payment_term WHERE division = ? AND id = ? RETURNING id, entry_id),
                    lines AS (DELETE FROM exs_transaction_line l USING term WHERE l.entry_id = term.entry_id
                              RETURNING l.id),
                    gone(key, type) AS (SELECT id, ? FROM lines UNION ALL SELECT id, ? FROM term)
                    """, division, id, Entities.DELETED_TYPE_TRANSACTION_LINES, Entities.DELETED_TYPE_PAYMENT_TERMS,
                    division, Jdbc.utc(clock.instant()));
            return Outcome.DELETED;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete payment term " + id + ": " + e.getMessage(), e);
        }
    }

    private static void lock(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + Schema.WRITE_LOCK + ")");
        }
    }

    private static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Runs deleting CTEs ending in {@code gone(key, type)} and records each gone row in exs_deleted; the last
     * two parameters are the division and the deletion time.
     */
    private static void record(Connection c, String deletingCtes, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("WITH " + deletingCtes
                + " INSERT INTO exs_deleted (id, division, entity_key, entity_type, deleted_date) "
                + "SELECT gen_random_uuid(), ?, key, type, ? FROM gone")) {
            Jdbc.bind(ps, params);
            ps.executeUpdate();
        }
    }
}

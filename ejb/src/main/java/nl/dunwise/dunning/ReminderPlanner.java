package nl.dunwise.dunning;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * The planning run: one statement over all open items of a division decides, per debtor, the step its
 * oldest overdue invoice has reached and plans one reminder holding all its overdue invoices.
 */
@Stateless
public class ReminderPlanner {

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    public ReminderPlanner() {
    }

    /** For tests that run the planning SQL on a database of their own. */
    ReminderPlanner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /*
     * Dates are cast (?::date) because PgJDBC sends them untyped. Per debtor: the overdue items that may be
     * chased (no open dispute, not in an active payment plan),
     * its credit (credit notes), then the pause rules on the debtor (blocked, postponed, an open promise
     * to pay with 3 days' grace, credit covering the debt, below the minimum amount). The step is the
     * last email step whose day offset the oldest chased item has reached. The unique key
     * (debtor, step, cycle) makes a second run the same day plan nothing new.
     */
    private static final String PLAN = """
            WITH chased AS (
                SELECT i.debtor_id, i.id AS invoice_id, i.due_date, i.open_amount
                FROM invoice i
                WHERE i.division = ? AND i.closed_at IS NULL AND i.open_amount > 0 AND i.due_date < ?::date
                  AND NOT EXISTS (SELECT 1 FROM dispute x WHERE x.invoice_id = i.id AND x.status = 'OPEN')
                  AND NOT EXISTS (SELECT 1 FROM payment_plan_invoice ppi JOIN payment_plan p ON p.id = ppi.plan_id
                                  WHERE ppi.invoice_id = i.id AND p.status = 'ACTIVE')
            ), credit AS (
                SELECT debtor_id, sum(open_amount) AS amount
                FROM invoice
                WHERE division = ? AND closed_at IS NULL AND open_amount < 0
                GROUP BY debtor_id
            ), per_debtor AS (
                SELECT c.debtor_id, min(c.due_date) AS oldest_due, sum(c.open_amount) AS overdue
                FROM chased c GROUP BY c.debtor_id
            ), eligible AS (
                SELECT pd.debtor_id, pd.oldest_due, pd.overdue,
                       coalesce(d.scenario_id, (SELECT s.id FROM scenario s WHERE s.division = ? AND s.is_default)) AS scenario_id
                FROM per_debtor pd
                JOIN debtor d ON d.id = pd.debtor_id
                LEFT JOIN credit cr ON cr.debtor_id = pd.debtor_id
                WHERE NOT d.dunning_blocked AND NOT d.deleted_in_exact
                  AND (d.postponed_until IS NULL OR d.postponed_until < ?::date)
                  AND NOT EXISTS (SELECT 1 FROM promise_to_pay p
                                  WHERE p.debtor_id = d.id AND p.status = 'OPEN' AND p.promised_date + 3 >= ?::date)
                  AND pd.overdue + coalesce(cr.amount, 0) >= ?
            ), chosen AS (
                SELECT DISTINCT ON (e.debtor_id) e.debtor_id, e.oldest_due, e.overdue, st.id AS step_id,
                       st.channel, st.needs_approval
                FROM eligible e
                JOIN step st ON st.scenario_id = e.scenario_id
                WHERE st.channel = 'EMAIL' AND st.day_offset > 0 AND st.day_offset <= ?::date - e.oldest_due
                ORDER BY e.debtor_id, st.day_offset DESC
            ), planned AS (
                INSERT INTO reminder (division, debtor_id, step_id, cycle_due_date, channel, status, total_amount,
                                      currency, planned_at)
                SELECT ?, debtor_id, step_id, oldest_due, channel,
                       CASE WHEN needs_approval THEN 'AWAITING_APPROVAL' ELSE 'PLANNED' END, overdue, ?, ?
                FROM chosen
                ON CONFLICT (debtor_id, step_id, cycle_due_date) DO NOTHING
                RETURNING id, debtor_id
            ), items AS (
                INSERT INTO reminder_invoice (reminder_id, invoice_id, open_amount, days_overdue)
                SELECT p.id, c.invoice_id, c.open_amount, ?::date - c.due_date
                FROM planned p JOIN chased c ON c.debtor_id = p.debtor_id
                RETURNING reminder_id
            )
            SELECT count(DISTINCT reminder_id) FROM items
            """;

    /** Plans the reminders due on {@code today}; answers how many were planned now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int plan(int division, String currency, LocalDate today, BigDecimal minimumAmount, Instant now) {
        Date day = Date.valueOf(today);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PLAN)) {
            int i = 1;
            ps.setInt(i++, division);
            ps.setDate(i++, day);
            ps.setInt(i++, division);
            ps.setInt(i++, division);
            ps.setDate(i++, day);
            ps.setDate(i++, day);
            ps.setBigDecimal(i++, minimumAmount);
            ps.setDate(i++, day);
            ps.setInt(i++, division);
            ps.setString(i++, currency);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setDate(i, day);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The planning run of division " + division + " failed: " + e.getMessage(), e);
        }
    }
}

package nl.dunwise.debtor;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import nl.dunwise.platform.SqlRows;
import nl.dunwise.dunning.PaymentBehaviour;
import nl.dunwise.dunning.SkipReason;

/**
 * A debtor's whole story for the collector's page, read one list at a time with the division in every
 * predicate: who it is and where its file stands, its open invoices, the reminders sent, planned and held back
 * and why, its disputes, promises and payment plans, and the audit trail of all of them. Texts come in the
 * reader's language.
 */
@Stateless
public class DebtorStory {

    /** How many of the older entries a list shows at most; the page says when there are more. */
    public static final int LIST_MAX = 200;

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    public DebtorStory() {
    }

    /** For tests that read their own database. */
    public DebtorStory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A debtor as the search lists it, with what it owes. */
    public record Found(long id, String code, String name, String city, BigDecimal openAmount, Integer score,
            boolean onHold, boolean dunningBlocked) implements Serializable {
    }

    /** The header of the page: who the debtor is and every switch on its file. */
    public record Header(long id, int division, UUID exactId, String code, String name, String email, String language,
            String country, Integer score, String scoreReason, String scenarioName, boolean scenarioPinned,
            BigDecimal creditLine, BigDecimal exposure, String currency, boolean onHold, String holdReason,
            boolean blockedInExact, boolean dunningBlocked, String dunningBlockReason, LocalDate postponedUntil,
            LocalDate handedOverOn, boolean deletedInExact) implements Serializable {

        /** Nothing holds, stops or postpones the debtor's file on {@code today}: reminders follow its scenario. */
        public boolean inNormalCourseOn(LocalDate today) {
            return !onHold && !blockedInExact && !dunningBlocked && !postponedOn(today) && handedOverOn == null && !deletedInExact;
        }

        /** A collector postponed the reminders to {@code today} or later. */
        public boolean postponedOn(LocalDate today) {
            return postponedUntil != null && !postponedUntil.isBefore(today);
        }

        /** Open items beyond the credit limit; false without a limit. */
        public boolean isOverLimit() {
            return creditLine != null && exposure.compareTo(creditLine) > 0;
        }
    }

    public record OpenItem(long invoiceId, String number, LocalDate invoiceDate, LocalDate dueDate, BigDecimal amount,
            BigDecimal openAmount, String currency, int daysOverdue, boolean disputed) implements Serializable {
    }

    public record ReminderLine(long id, Instant plannedAt, String step, String channel, String status,
            BigDecimal total, String currency, Instant sentAt, String recipient, String note) implements Serializable {
    }

    public record SkipLine(LocalDate runDate, String step, String reason) implements Serializable {
    }

    public record DisputeLine(long id, String invoiceNumber, String reason, String explanation, String status,
            String owner, String openedBy, Instant openedAt, Instant resolvedAt, String resolvedBy,
            String resolutionNote, int ageDays) implements Serializable {

        public boolean isOpen() {
            return "OPEN".equals(status);
        }
    }

    public record PromiseLine(long id, LocalDate promisedDate, BigDecimal amount, String currency, String status,
            String madeBy, Instant madeAt, LocalDate settledOn, String settledBy) implements Serializable {

        public boolean isOpen() {
            return "OPEN".equals(status);
        }
    }

    public record PlanLine(long id, String status, BigDecimal total, String currency, String proposedBy,
            Instant proposedAt, String decidedBy, Instant decidedAt, int instalments) implements Serializable {
    }

    public record AuditLine(Instant occurredAt, String actor, String action, String details) implements Serializable {
    }

    public long count(int division, String search) {
        return query("SELECT count(*) FROM debtor d WHERE d.division = ? AND " + MATCHES, rs -> rs.getLong(1),
                division, pattern(search), pattern(search)).get(0);
    }

    /** A page of the division's debtors whose code or name contains {@code search} (all when it is blank), by code. */
    public List<Found> search(int division, String search, int first, int max) {
        return query("""
                SELECT d.id, d.code, d.name, d.city,
                       (SELECT coalesce(sum(i.open_amount), 0) FROM invoice i
                        WHERE i.debtor_id = d.id AND i.closed_at IS NULL),
                       d.payment_score, d.on_hold, d.dunning_blocked
                FROM debtor d
                WHERE d.division = ? AND %s
                ORDER BY d.code, d.id OFFSET ? LIMIT ?
                """.formatted(MATCHES), rs -> new Found(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getBigDecimal(5), rs.getObject(6, Integer.class), rs.getBoolean(7), rs.getBoolean(8)),
                division, pattern(search), pattern(search), first, max);
    }

    private static final String MATCHES = "(d.code ILIKE ? OR d.name ILIKE ?)";

    private static String pattern(String search) {
        String s = search == null ? "" : search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + s + "%";
    }

    /** The debtor with this code in the division; empty when there is none. */
    public Optional<Header> header(int division, String code, Locale locale) {
        return query("""
                SELECT d.id, d.division, d.exact_id, d.code, d.name, d.email, d.language, d.country,
                       d.payment_score, d.score_paid_items, d.score_avg_days_late, d.score_on_time_share,
                       d.score_broken_promises, d.score_disputes, s.name, d.scenario_pinned, d.credit_line,
                       (SELECT coalesce(sum(i.open_amount), 0) FROM invoice i WHERE i.debtor_id = d.id AND i.closed_at IS NULL),
                       v.currency, d.on_hold, d.hold_reason, d.blocked_in_exact, d.dunning_blocked,
                       d.dunning_block_reason, d.postponed_until, d.handed_over_on, d.deleted_in_exact
                FROM debtor d JOIN division v ON v.code = d.division
                LEFT JOIN scenario s ON s.id = d.scenario_id
                WHERE d.division = ? AND d.code = ?
                ORDER BY d.deleted_in_exact, d.id LIMIT 1
                """, rs -> {
                    Integer paidItems = rs.getObject(10, Integer.class);
                    String reason = paidItems == null ? null : new PaymentBehaviour(rs.getObject(9, Integer.class),
                            paidItems, rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getInt(13), rs.getInt(14)).reason(locale);
                    return new Header(rs.getLong(1), rs.getInt(2), rs.getObject(3, UUID.class), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, Integer.class),
                            reason, rs.getString(15), rs.getBoolean(16), rs.getBigDecimal(17), rs.getBigDecimal(18),
                            rs.getString(19), rs.getBoolean(20), rs.getString(21), rs.getBoolean(22), rs.getBoolean(23),
                            rs.getString(24), date(rs, 25), date(rs, 26), rs.getBoolean(27));
                }, division, code).stream().findFirst();
    }

    /** Open invoices and credit notes, oldest due first, with days overdue on {@code today}. */
    public List<OpenItem> openItems(int division, long debtorId, LocalDate today) {
        return query("""
                SELECT i.id, i.invoice_number, i.invoice_date, i.due_date, i.amount, i.open_amount, i.currency,
                       greatest(CAST(? AS date) - i.due_date, 0),
                       EXISTS (SELECT 1 FROM dispute x WHERE x.invoice_id = i.id AND x.status = 'OPEN')
                FROM invoice i
                WHERE i.division = ? AND i.debtor_id = ? AND i.closed_at IS NULL AND i.open_amount <> 0
                ORDER BY i.due_date, i.invoice_number LIMIT ?
                """, rs -> new OpenItem(rs.getLong(1), rs.getString(2), date(rs, 3), date(rs, 4), rs.getBigDecimal(5),
                rs.getBigDecimal(6), rs.getString(7), rs.getInt(8), rs.getBoolean(9)),
                Date.valueOf(today), division, debtorId, LIST_MAX);
    }

    /** Reminders planned, sent, skipped or rejected, newest first; {@code note} is why it failed, was skipped or rejected. */
    public List<ReminderLine> reminders(int division, long debtorId) {
        return query("""
                SELECT r.id, r.planned_at, st.template_code, r.channel, r.status, r.total_amount, r.currency,
                       r.sent_at, r.recipient, coalesce(r.skip_reason, r.rejection_reason, r.last_error)
                FROM reminder r JOIN step st ON st.id = r.step_id
                WHERE r.division = ? AND r.debtor_id = ?
                ORDER BY r.planned_at DESC, r.id DESC LIMIT ?
                """, rs -> new ReminderLine(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getString(7), instant(rs, 8), rs.getString(9), rs.getString(10)),
                division, debtorId, LIST_MAX);
    }

    /** The days the planning run held the debtor back, newest first, with the reason in the reader's language. */
    public List<SkipLine> skips(int division, long debtorId, Locale locale) {
        return query("""
                SELECT k.run_date, st.template_code, k.reason, k.detail_values
                FROM dunning_skip k LEFT JOIN step st ON st.id = k.step_id
                WHERE k.division = ? AND k.debtor_id = ?
                ORDER BY k.run_date DESC, k.id DESC LIMIT ?
                """, rs -> new SkipLine(date(rs, 1), rs.getString(2),
                SkipReason.valueOf(rs.getString(3)).describe(locale, texts(rs.getArray(4)))), division, debtorId, LIST_MAX);
    }

    /** Disputes, open ones first, with their age in days (until resolved) on {@code today}. */
    public List<DisputeLine> disputes(int division, long debtorId, LocalDate today) {
        return query("""
                SELECT x.id, i.invoice_number, x.reason, x.explanation, x.status, x.owner, x.opened_by, x.opened_at,
                       x.resolved_at, x.resolved_by, x.resolution_note,
                       coalesce(CAST(x.resolved_at AS date), CAST(? AS date)) - CAST(x.opened_at AS date)
                FROM dispute x JOIN invoice i ON i.id = x.invoice_id
                WHERE x.division = ? AND x.debtor_id = ?
                ORDER BY x.status <> 'OPEN', x.opened_at DESC, x.id DESC LIMIT ?
                """, rs -> new DisputeLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8), instant(rs, 9), rs.getString(10),
                rs.getString(11), rs.getInt(12)), Date.valueOf(today), division, debtorId, LIST_MAX);
    }

    public List<PromiseLine> promises(int division, long debtorId) {
        return query("""
                SELECT p.id, p.promised_date, p.amount, p.currency, p.status, p.made_by, p.made_at, p.settled_on,
                       p.settled_by
                FROM promise_to_pay p
                WHERE p.division = ? AND p.debtor_id = ?
                ORDER BY p.made_at DESC, p.id DESC LIMIT ?
                """, rs -> new PromiseLine(rs.getLong(1), date(rs, 2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5),
                rs.getString(6), instant(rs, 7), date(rs, 8), rs.getString(9)), division, debtorId, LIST_MAX);
    }

    /** Payment plans, read-only here (the plans page works them). */
    public List<PlanLine> plans(int division, long debtorId) {
        return query("""
                SELECT p.id, p.status, p.total_amount, p.currency, p.proposed_by, p.proposed_at, p.decided_by,
                       p.decided_at, (SELECT count(*) FROM instalment n WHERE n.plan_id = p.id)
                FROM payment_plan p
                WHERE p.division = ? AND p.debtor_id = ?
                ORDER BY p.proposed_at DESC, p.id DESC LIMIT ?
                """, rs -> new PlanLine(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
                rs.getString(5), instant(rs, 6), rs.getString(7), instant(rs, 8), rs.getInt(9)),
                division, debtorId, LIST_MAX);
    }

    /** Who did what to the debtor, its disputes, promises and reminders, newest first. */
    public List<AuditLine> audit(int division, long debtorId) {
        return query("""
                SELECT e.occurred_at, e.actor, e.action, e.details
                FROM audit_event e
                WHERE e.division = ? AND (
                      (e.subject_type = 'Debtor' AND e.subject_id = CAST(? AS text))
                   OR (e.subject_type = 'Dispute' AND e.subject_id IN
                       (SELECT CAST(id AS text) FROM dispute WHERE debtor_id = ?))
                   OR (e.subject_type = 'PromiseToPay' AND e.subject_id IN
                       (SELECT CAST(id AS text) FROM promise_to_pay WHERE debtor_id = ?))
                   OR (e.subject_type = 'Reminder' AND e.subject_id IN
                       (SELECT CAST(id AS text) FROM reminder WHERE debtor_id = ?)))
                ORDER BY e.occurred_at DESC, e.id DESC LIMIT ?
                """, rs -> new AuditLine(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4)),
                division, debtorId, debtorId, debtorId, debtorId, LIST_MAX);
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private <T> List<T> query(String sql, SqlRows.Row<T> row, Object... parameters) {
        return SqlRows.query(dataSource, "The debtor's story", sql, row, parameters);
    }
}

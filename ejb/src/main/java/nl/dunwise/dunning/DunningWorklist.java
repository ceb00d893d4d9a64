package nl.dunwise.dunning;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import nl.dunwise.platform.SqlRows;
import nl.dunwise.money.Money;

/**
 * What the credit team works through on the dunning page: reminders awaiting approval, the debtors the
 * latest planning run held back, and every debtor's score and scenario. Each list is read one page at a
 * time with the division in the predicate, so a division of 100,000 debtors costs one page of rows; texts
 * come in the reader's language.
 */
@Stateless
public class DunningWorklist {

    private static final String BEHAVIOUR = "d.payment_score, d.score_paid_items, d.score_avg_days_late, "
            + "d.score_on_time_share, d.score_broken_promises, d.score_disputes";

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    public DunningWorklist() {
    }

    /** For tests that read their own database. */
    DunningWorklist(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long countAwaitingApproval(int division) {
        return count("SELECT count(*) FROM reminder WHERE division = ? AND status = 'AWAITING_APPROVAL'", division);
    }

    /** Reminders awaiting approval, the longest waiting first, then by debtor code. */
    public List<ApprovalItem> awaitingApproval(int division, Locale locale, int first, int max) {
        String sql = """
                SELECT r.id, d.code, d.name, s.template_code, r.channel, r.total_amount, r.currency, r.planned_at, %s
                FROM reminder r JOIN debtor d ON d.id = r.debtor_id JOIN step s ON s.id = r.step_id
                WHERE r.division = ? AND r.status = 'AWAITING_APPROVAL'
                ORDER BY r.planned_at, d.code, r.id
                OFFSET ? LIMIT ?
                """.formatted(BEHAVIOUR);
        return query(sql, rs -> new ApprovalItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Channel.valueOf(rs.getString(5)), Money.of(rs.getBigDecimal(6), rs.getString(7)),
                rs.getTimestamp(8).toInstant(), behaviourReason(rs, 9, locale)), division, first, max);
    }

    /** The day of the latest planning run that held anybody back in the division; empty before the first. */
    public Optional<LocalDate> latestSkipDate(int division) {
        List<LocalDate> dates = query("SELECT max(run_date) FROM dunning_skip WHERE division = ?",
                rs -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate(), division);
        return Optional.ofNullable(dates.get(0));
    }

    /** How many debtors each pause rule held back on the run date, in the order the rules are tried; only rules that held some. */
    public Map<SkipReason, Long> skipCounts(int division, LocalDate runDate) {
        Map<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);
        query("SELECT reason, count(*) FROM dunning_skip WHERE division = ? AND run_date = ? GROUP BY reason",
                rs -> counts.put(SkipReason.valueOf(rs.getString(1)), rs.getLong(2)), division, Date.valueOf(runDate));
        return counts;
    }

    /** How many debtors were held back on the run date, by one rule or (reason empty) by any. */
    public long countSkips(int division, LocalDate runDate, SkipReason reason) {
        return count("""
                SELECT count(*) FROM dunning_skip
                WHERE division = ? AND run_date = ? AND (CAST(? AS varchar) IS NULL OR reason = CAST(? AS varchar))
                """, division, Date.valueOf(runDate), name(reason), name(reason));
    }

    /** The debtors held back on the run date, by one rule or (reason empty) by any, by debtor code. */
    public List<SkippedDebtor> skips(int division, LocalDate runDate, SkipReason reason, Locale locale, int first, int max) {
        String sql = """
                SELECT k.id, d.code, d.name, s.template_code, k.reason, k.detail_values
                FROM dunning_skip k JOIN debtor d ON d.id = k.debtor_id LEFT JOIN step s ON s.id = k.step_id
                WHERE k.division = ? AND k.run_date = ? AND (CAST(? AS varchar) IS NULL OR k.reason = CAST(? AS varchar))
                ORDER BY d.code, k.id
                OFFSET ? LIMIT ?
                """;
        return query(sql, rs -> {
            SkipReason rule = SkipReason.valueOf(rs.getString(5));
            List<String> values = Arrays.asList((String[]) rs.getArray(6).getArray());
            return new SkippedDebtor(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rule,
                    rule.describe(locale, values));
        }, division, Date.valueOf(runDate), name(reason), name(reason), first, max);
    }

    /** Debtors of the division that still exist in Exact Online. */
    public long countDebtors(int division) {
        return count("SELECT count(*) FROM debtor WHERE division = ? AND NOT deleted_in_exact", division);
    }

    /** One page of the division's debtors with their score, scenario and the reason for it. */
    public List<DebtorScore> debtorScores(int division, ScoreOrder order, boolean ascending, Locale locale, int first, int max) {
        String sql = """
                SELECT d.id, d.code, d.name, s.code, s.name, d.scenario_pinned, %s
                FROM debtor d LEFT JOIN scenario s ON s.id = d.scenario_id
                WHERE d.division = ? AND NOT d.deleted_in_exact
                ORDER BY %s
                OFFSET ? LIMIT ?
                """.formatted(BEHAVIOUR, order.orderBy(ascending));
        return query(sql, rs -> new DebtorScore(rs.getLong(1), rs.getString(2), rs.getString(3),
                (Integer) rs.getObject(7, Integer.class), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                behaviourReason(rs, 7, locale)), division, first, max);
    }

    /** The scenarios a debtor of the division can be pinned to. */
    public List<ScenarioOption> scenarios(int division) {
        return query("SELECT id, code, name FROM scenario WHERE division = ? AND active ORDER BY name, id",
                rs -> new ScenarioOption(rs.getLong(1), rs.getString(2), rs.getString(3)), division);
    }

    /** The six score columns from {@code column} on: the reason in the reader's language, or that none was computed yet. */
    private static String behaviourReason(ResultSet rs, int column, Locale locale) throws SQLException {
        Integer paidItems = rs.getObject(column + 1, Integer.class);
        if (paidItems == null) {
            return ReminderText.in(locale).getString("behaviour.not-scored");
        }
        return new PaymentBehaviour(rs.getObject(column, Integer.class), paidItems, rs.getBigDecimal(column + 2),
                rs.getBigDecimal(column + 3), rs.getInt(column + 4), rs.getInt(column + 5)).reason(locale);
    }

    private static String name(SkipReason reason) {
        return reason == null ? null : reason.name();
    }

    private long count(String sql, Object... parameters) {
        return query(sql, rs -> rs.getLong(1), parameters).get(0);
    }

    private <T> List<T> query(String sql, SqlRows.Row<T> row, Object... parameters) {
        return SqlRows.query(dataSource, "The dunning worklist", sql, row, parameters);
    }
}

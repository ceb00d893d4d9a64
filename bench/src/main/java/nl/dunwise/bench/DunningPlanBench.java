package nl.dunwise.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import nl.dunwise.dunning.PlanningPolicy;
import nl.dunwise.dunning.PlanningResult;
import nl.dunwise.dunning.ReminderPlanner;

/**
 * The planning run over 100,000 debtors and 1,000,000 open invoices (plus a year of paid history for the
 * payment-behaviour score), against one raw SQL query that computes the same due actions: per debtor the
 * step its oldest chaseable overdue invoice has reached, and whether a pause rule holds it back. The
 * planner does more (rescores the debtors whose paid history changed, chooses every debtor's scenario,
 * stores each reminder with its invoices and each skip with its reason); the ratio says what that costs.
 * The score is kept up to date incrementally, so the first scoring pass, which reads every paid item, is
 * timed on its own and printed apart; each timed planning run rescores one debtor in a hundred.
 * Goal: at most 1.5x and under 30 s on 2 cores (docs/dunning.md, Performance).
 */
final class DunningPlanBench {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final int REPEATS = 3;
    private static final PlanningPolicy POLICY = new PlanningPolicy(new BigDecimal("5.00"), 3, 3, 80, 40, "friendly", "strict");

    /*
     * The baseline: what is due today, in one read-only statement written straight from domain.md, on a
     * division where nothing was planned before (so no cycle bookkeeping): per debtor the step and the
     * invoices its reminder holds, with their open amounts and days overdue (what the planner stores in a
     * reminder's row), or that a pause rule holds it back. It answers the number of reminders, of the
     * invoices in them, and of debtors held back.
     */
    private static final String RAW_DUE_ACTIONS = """
            WITH t AS (SELECT CAST(? AS integer) AS division, CAST(? AS date) AS today),
            item AS (
                SELECT i.debtor_id, i.id, i.due_date, i.open_amount,
                       EXISTS (SELECT 1 FROM dispute x WHERE x.invoice_id = i.id AND x.status = 'OPEN')
                    OR EXISTS (SELECT 1 FROM payment_plan_invoice ppi JOIN payment_plan p ON p.id = ppi.plan_id
                               WHERE ppi.invoice_id = i.id AND p.status = 'ACTIVE') AS paused
                FROM invoice i, t
                WHERE i.division = t.division AND i.closed_at IS NULL AND i.open_amount > 0 AND i.due_date <= t.today + 3
            ),
            per_debtor AS (
                SELECT debtor_id,
                       min(due_date) FILTER (WHERE due_date < t.today AND NOT paused) AS oldest_chaseable,
                       min(due_date) FILTER (WHERE due_date < t.today) AS oldest_overdue,
                       min(due_date) FILTER (WHERE due_date >= t.today AND NOT paused) AS next_due,
                       coalesce(sum(open_amount) FILTER (WHERE due_date < t.today AND NOT paused), 0) AS chaseable_amount,
                       array_agg(id) FILTER (WHERE due_date < t.today AND NOT paused) AS invoice_ids,
                       array_agg(open_amount) FILTER (WHERE due_date < t.today AND NOT paused) AS open_amounts,
                       array_agg(t.today - due_date) FILTER (WHERE due_date < t.today AND NOT paused) AS days_overdue
                FROM item, t GROUP BY debtor_id
            ),
            credit AS (
                SELECT i.debtor_id, -sum(i.open_amount) AS amount FROM invoice i, t
                WHERE i.division = t.division AND i.closed_at IS NULL AND i.open_amount < 0 GROUP BY i.debtor_id
            ),
            step_due AS (
                SELECT DISTINCT ON (pd.debtor_id) pd.debtor_id, st.day_offset
                FROM per_debtor pd JOIN debtor d ON d.id = pd.debtor_id
                JOIN step st ON st.scenario_id = coalesce(d.scenario_id,
                        (SELECT s.id FROM scenario s, t WHERE s.division = t.division AND s.is_default)), t
                WHERE (st.day_offset > 0 AND st.day_offset <= t.today - coalesce(pd.oldest_chaseable, pd.oldest_overdue))
                   OR (st.day_offset <= 0 AND pd.next_due + st.day_offset <= t.today)
                ORDER BY pd.debtor_id, st.day_offset > 0 DESC, st.day_offset DESC
            ),
            action AS (
                SELECT sd.debtor_id, pd.invoice_ids, pd.open_amounts, pd.days_overdue,
                       (sd.day_offset > 0 AND pd.oldest_chaseable IS NULL)
                    OR d.dunning_blocked OR d.deleted_in_exact OR coalesce(d.postponed_until >= t.today, false)
                    OR EXISTS (SELECT 1 FROM promise_to_pay p WHERE p.debtor_id = d.id AND p.status = 'OPEN'
                               AND p.promised_date + 3 >= t.today)
                    OR (sd.day_offset > 0 AND pd.chaseable_amount - coalesce(c.amount, 0) < 5.00) AS held_back
                FROM step_due sd JOIN per_debtor pd ON pd.debtor_id = sd.debtor_id
                JOIN debtor d ON d.id = sd.debtor_id LEFT JOIN credit c ON c.debtor_id = sd.debtor_id, t
            )
            SELECT count(*) FILTER (WHERE NOT held_back), count(*) FILTER (WHERE held_back),
                   sum(cardinality(invoice_ids)) FILTER (WHERE NOT held_back AND cardinality(open_amounts) = cardinality(invoice_ids)
                                                         AND cardinality(days_overdue) = cardinality(invoice_ids))
            FROM action
            """;

    private DunningPlanBench() {
    }

    static void run() throws Exception {
        int debtors = Integer.getInteger("bench.debtors", 100_000);
        int invoices = Integer.getInteger("bench.invoices", 1_000_000);
        try (BenchDatabase db = new BenchDatabase("dunning")) {
            long start = System.nanoTime();
            try (Connection c = db.connection()) {
                DunningData.generate(c, debtors, invoices, TODAY);
            }
            System.out.printf(Locale.ROOT, "generated %,d debtors and %,d open invoices (plus paid history) in %.1f s%n",
                    debtors, invoices, (System.nanoTime() - start) / 1e9);

            // as many slices side by side as the container plans in (dunwise.dunning.planning-slices)
            int slices = Integer.getInteger("bench.slices", ReminderPlanner.DEFAULT_SLICES);
            ReminderPlanner planner = new ReminderPlanner(db.dataSource(), slices);
            int[] scored = new int[1];
            start = System.nanoTime();
            scored[0] = planner.score(DunningData.DIVISION, TODAY, POLICY);
            double firstScoring = (System.nanoTime() - start) / 1e9;
            vacuum(db);

            long[] raw = new long[3];
            double baseline = Timing.medianSeconds(REPEATS, () -> { }, () -> {
                try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(RAW_DUE_ACTIONS)) {
                    // the settings the planner gives its own statements: the comparison is of the SQL
                    ReminderPlanner.settingsForThePlanningRun(c);
                    ps.setInt(1, DunningData.DIVISION);
                    ps.setDate(2, Date.valueOf(TODAY));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        raw[0] = rs.getLong(1);
                        raw[1] = rs.getLong(2);
                        raw[2] = rs.getLong(3);
                    }
                }
            });

            PlanningResult[] result = new PlanningResult[1];
            int[] changed = new int[1];
            double planning = Timing.medianSeconds(REPEATS, () -> changed[0] = aDayLater(db), () ->
                    result[0] = planner.plan(DunningData.DIVISION, "EUR", TODAY, POLICY, Instant.parse("2026-11-25T06:00:00Z")));

            System.out.printf(Locale.ROOT, "scoring pass, first run (every debtor scored, scenarios chosen): %,d scored in %.2f s%n",
                    scored[0], firstScoring);
            System.out.printf(Locale.ROOT, "raw due-actions query: %,d to remind with %,d invoices, %,d held back, median %.2f s%n",
                    raw[0], raw[2], raw[1], baseline);
            System.out.printf(Locale.ROOT, "planning run (rescore the %,d debtors whose paid history changed, choose scenarios, "
                    + "plan + store in %d slice(s) side by side): %,d planned with %,d invoices, %,d skipped, median %.2f s%n",
                    changed[0], slices, result[0].planned(), storedInvoices(db), result[0].skipped(), planning);
            if (result[0].planned() < raw[0] * 9 / 10) {
                // A planner that plans far fewer than are due is broken, and a fast broken planner proves nothing.
                throw new IllegalStateException("The planner planned " + result[0].planned() + " of the " + raw[0]
                        + " reminders the raw query finds due");
            }
            if (raw[0] != result[0].planned()) {
                System.out.printf(Locale.ROOT, "note: the planner planned %,d where the raw query counts %,d; the raw query "
                        + "leaves out the planner's finer rules (one pre-due notice per cycle, held-back steps named)%n",
                        result[0].planned(), raw[0]);
            }
            System.out.printf(Locale.ROOT, "BENCH dunning-plan ratio=%.2f seconds=%.1f first-scoring-seconds=%.1f%n",
                    planning / baseline, planning, firstScoring);
        }
    }

    /**
     * Each timed planning run starts from the same state: nothing planned, nothing skipped, and a day's
     * worth of changed paid history (one debtor in a hundred, as the sync's triggers would mark them) for
     * the run to score again.
     */
    private static int aDayLater(BenchDatabase db) throws Exception {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            // Not TRUNCATE .. CASCADE: it follows every foreign key, through email_bounce into debtor, and would
            // empty the data set (a run then plans nothing at all).
            st.execute("DELETE FROM dunning_skip");
            st.execute("DELETE FROM reminder");
            st.execute("VACUUM ANALYZE reminder, dunning_skip");
            int changed = st.executeUpdate("UPDATE debtor SET payment_history_version = payment_history_version + 1 "
                    + "WHERE id % 100 = 42");
            st.execute("VACUUM ANALYZE debtor");
            return changed;
        }
    }

    private static long storedInvoices(BenchDatabase db) throws Exception {
        try (Connection c = db.connection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce(sum(cardinality(item_invoice_ids)), 0) FROM reminder")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void vacuum(BenchDatabase db) throws Exception {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE debtor");
        }
    }
}

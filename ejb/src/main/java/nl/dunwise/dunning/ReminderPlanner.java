package nl.dunwise.dunning;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * The planning run of a division, set-based in one transaction: first the open promises to pay are settled
 * as kept or broken (settle-promises.sql), then the payment behaviour of the debtors
 * whose paid history changed is scored (score-payment-behaviour.sql) and every debtor's scenario chosen
 * (choose-scenario.sql), then each debtor whose step is due gets one reminder, or a skip with the first
 * pause rule that holds it back (plan-reminders.sql).
 */
@Stateless
public class ReminderPlanner {

    private static final String SETTLE_PROMISES = sql("settle-promises.sql");
    private static final String SCORE = sql("score-payment-behaviour.sql");
    private static final String CHOOSE_SCENARIO = sql("choose-scenario.sql");
    private static final String PLAN = sql("plan-reminders.sql");
    private static final String WORK_MEM = "256MB";

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    public ReminderPlanner() {
    }

    /** For tests and the benchmark, which run the planning SQL on a database of their own. */
    public ReminderPlanner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Scores the debtors and plans the reminders due on {@code today}; answers what was added now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public PlanningResult plan(int division, String currency, LocalDate today, PlanningPolicy policy, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            settingsForThePlanningRun(c);
            settlePromises(c, division, today, policy);
            score(c, division, today, policy);
            return planReminders(c, division, currency, today, policy, now);
        } catch (SQLException e) {
            throw new IllegalStateException("The planning run of division " + division + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The scoring pass alone: scores the debtors whose paid history changed since they were scored (all of
     * them the first time) and chooses every debtor's scenario; answers how many were scored. The planning
     * run does this first; the benchmark times it on its own.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int score(int division, LocalDate today, PlanningPolicy policy) {
        try (Connection c = dataSource.getConnection()) {
            settingsForThePlanningRun(c);
            return score(c, division, today, policy);
        } catch (SQLException e) {
            throw new IllegalStateException("Scoring the debtors of division " + division + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The statements group and join every open item of the division (and, the first time, every recently
     * paid one): with the server's default work_mem (4 MB) they spill to disk many times over. JIT
     * compilation costs more than it saves on them. In the container's transaction the settings end with
     * it; tests and the benchmark run on connections of their own, in autocommit.
     */
    public static void settingsForThePlanningRun(Connection c) throws SQLException {
        String scope = c.getAutoCommit() ? "SET " : "SET LOCAL ";
        try (var st = c.createStatement()) {
            st.execute(scope + "work_mem = '" + WORK_MEM + "'");
            st.execute(scope + "jit = off");
        }
    }

    /** Before scoring, so that a promise broken today already counts in today's score. */
    private static void settlePromises(Connection c, int division, LocalDate today, PlanningPolicy policy)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SETTLE_PROMISES)) {
            ps.setInt(1, division);
            ps.setDate(2, Date.valueOf(today));
            ps.setInt(3, policy.promiseGraceDays());
            ps.executeUpdate();
        }
    }

    private static int score(Connection c, int division, LocalDate today, PlanningPolicy policy) throws SQLException {
        int scored;
        try (PreparedStatement ps = c.prepareStatement(SCORE)) {
            ps.setInt(1, division);
            ps.setDate(2, Date.valueOf(today));
            scored = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(CHOOSE_SCENARIO)) {
            ps.setInt(1, division);
            ps.setInt(2, policy.minimumPaidItems());
            ps.setInt(3, policy.goodPayerFrom());
            ps.setInt(4, policy.latePayerBelow());
            ps.setString(5, policy.goodPayerScenario());
            ps.setString(6, policy.latePayerScenario());
            ps.executeUpdate();
        }
        return scored;
    }

    private static PlanningResult planReminders(Connection c, int division, String currency, LocalDate today,
            PlanningPolicy policy, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PLAN)) {
            ps.setInt(1, division);
            ps.setDate(2, Date.valueOf(today));
            ps.setBigDecimal(3, policy.minimumAmount());
            ps.setInt(4, policy.promiseGraceDays());
            ps.setString(5, currency);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setArray(7, c.createArrayOf("text", SkipReason.codesInOrder()));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new PlanningResult(rs.getInt(1), rs.getInt(2));
            }
        }
    }

    private static String sql(String resource) {
        try (InputStream in = ReminderPlanner.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing planning SQL " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

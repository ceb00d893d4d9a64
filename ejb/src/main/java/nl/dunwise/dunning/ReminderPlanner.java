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
 * The planning run of a division, set-based in two statements of one transaction: first every debtor's
 * payment behaviour is scored and its scenario chosen (score-payment-behaviour.sql), then each debtor whose
 * step is due gets one reminder, or a skip with the first pause rule that holds it back (plan-reminders.sql).
 */
@Stateless
public class ReminderPlanner {

    private static final String SCORE = sql("score-payment-behaviour.sql");
    private static final String PLAN = sql("plan-reminders.sql");

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
            roomToSortAndHash(c);
            score(c, division, today, policy);
            return planReminders(c, division, currency, today, policy, now);
        } catch (SQLException e) {
            throw new IllegalStateException("The planning run of division " + division + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Both statements group and join every open and every recently paid item of the division: with the
     * server's default work_mem (4 MB) they spill to disk many times over. In the container's transaction
     * the setting ends with it; tests run on connections of their own, in autocommit.
     */
    private static void roomToSortAndHash(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(c.getAutoCommit() ? "SET work_mem = '64MB'" : "SET LOCAL work_mem = '64MB'");
        }
    }

    private static void score(Connection c, int division, LocalDate today, PlanningPolicy policy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SCORE)) {
            ps.setInt(1, division);
            ps.setDate(2, Date.valueOf(today));
            ps.setInt(3, policy.minimumPaidItems());
            ps.setInt(4, policy.goodPayerFrom());
            ps.setInt(5, policy.latePayerBelow());
            ps.setString(6, policy.goodPayerScenario());
            ps.setString(7, policy.latePayerScenario());
            ps.executeUpdate();
        }
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

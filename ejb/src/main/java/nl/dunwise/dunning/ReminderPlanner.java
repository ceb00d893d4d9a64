package nl.dunwise.dunning;

import jakarta.annotation.Resource;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import nl.dunwise.platform.SqlRows;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The planning run of a division, set-based, in slices of debtors side by side
 * ({@code dunwise.dunning.planning-slices}, ranges of debtor ids with as many debtors each), each in a
 * transaction and on a connection of its own, so that the statements PostgreSQL would run on one core use
 * them all. A slice first settles its debtors' open promises to pay as kept or broken
 * (settle-promises.sql), scores the payment behaviour of those whose paid history changed
 * (score-payment-behaviour.sql) and chooses every one's scenario (choose-scenario.sql); then each debtor
 * whose step is due gets one reminder, or a skip with the first pause rule that holds it back
 * (plan-reminders.sql). A slice that fails leaves the others committed; the next run plans what it left, as
 * planning is idempotent.
 */
@Stateless
public class ReminderPlanner {

    private static final String SETTLE_PROMISES = sql("settle-promises.sql");
    private static final String SCORE = sql("score-payment-behaviour.sql");
    private static final String CHOOSE_SCENARIO = sql("choose-scenario.sql");
    private static final String PLAN = sql("plan-reminders.sql");
    private static final String WORK_MEM = "256MB";

    /** The planning run's default number of slices: the cores of the database server this was measured on. */
    public static final int DEFAULT_SLICES = 2;

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    /** Null outside the container: the slices then run on threads of the planning run's own. */
    @Resource
    private SessionContext context;

    @Inject
    @ConfigProperty(name = "dunwise.dunning.planning-slices", defaultValue = "" + DEFAULT_SLICES)
    private int slices;

    public ReminderPlanner() {
    }

    /** For tests and the benchmark, which run the planning SQL on a database of their own, in the default slices. */
    public ReminderPlanner(DataSource dataSource) {
        this(dataSource, DEFAULT_SLICES);
    }

    public ReminderPlanner(DataSource dataSource, int slices) {
        this.dataSource = dataSource;
        this.slices = slices;
    }

    /**
     * Plans the reminders due on {@code today} in slices side by side, each scoring its debtors first;
     * answers what was added now, summed over the slices. When any slice failed, throws
     * {@link PlanningRunIncomplete} after every slice has ended.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PlanningResult plan(int division, String currency, LocalDate today, PlanningPolicy policy, Instant now) {
        if (slices < 1) {
            throw new IllegalStateException("dunwise.dunning.planning-slices must be at least 1, not " + slices);
        }
        ReminderPlanner self = context == null ? this : context.getBusinessObject(ReminderPlanner.class);
        List<DebtorRange> ranges = slicesOf(division);
        ExecutorService threads = context == null ? Executors.newFixedThreadPool(ranges.size()) : null;
        try {
            List<Future<PlanningResult>> running = new ArrayList<>();
            for (DebtorRange range : ranges) {
                running.add(threads == null ? self.planSlice(division, currency, today, policy, now, range)
                        : threads.submit(() -> planSliceNow(division, currency, today, policy, now, range)));
            }
            return sum(division, running);
        } finally {
            if (threads != null) {
                threads.shutdown();
            }
        }
    }

    /**
     * The division's debtors in as many ranges of ids as there are slices, each with as many debtors (fewer
     * ranges when the division has fewer debtors). The first range starts below every id and the last ends
     * above every id, so that the ranges hold every debtor, also one the sync adds meanwhile.
     */
    List<DebtorRange> slicesOf(int division) {
        List<Long> firsts = SqlRows.query(dataSource, "The debtors of division " + division + " to plan",
                "SELECT min(id) FROM (SELECT id, ntile(?) OVER (ORDER BY id) AS slice FROM debtor WHERE division = ?) x "
                        + "GROUP BY slice ORDER BY slice", rs -> rs.getLong(1), slices, division);
        List<DebtorRange> ranges = new ArrayList<>();
        for (int k = 0; k < Math.max(1, firsts.size()); k++) {
            ranges.add(new DebtorRange(k == 0 ? Long.MIN_VALUE : firsts.get(k),
                    k + 1 < firsts.size() ? firsts.get(k + 1) - 1 : Long.MAX_VALUE));
        }
        return ranges;
    }

    private PlanningResult sum(int division, List<Future<PlanningResult>> running) {
        int planned = 0;
        int skipped = 0;
        List<String> failures = new ArrayList<>();
        for (int slice = 0; slice < running.size(); slice++) {
            try {
                PlanningResult result = running.get(slice).get();
                planned += result.planned();
                skipped += result.skipped();
            } catch (ExecutionException e) {
                failures.add("slice " + (slice + 1) + " of " + running.size() + ": " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add("slice " + (slice + 1) + " of " + running.size() + ": interrupted");
            }
        }
        if (!failures.isEmpty()) {
            throw new PlanningRunIncomplete("The planning run of division " + division + " failed in " + String.join("; ", failures)
                    + ". The other slices stored their " + planned + " reminder(s) and " + skipped
                    + " skip(s); the next run plans the rest.", new PlanningResult(planned, skipped));
        }
        return new PlanningResult(planned, skipped);
    }

    /** One slice of the planning run, in a transaction of its own, beside the others (see {@link #plan}). */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Future<PlanningResult> planSlice(int division, String currency, LocalDate today, PlanningPolicy policy,
            Instant now, DebtorRange range) {
        return new AsyncResult<>(planSliceNow(division, currency, today, policy, now, range));
    }

    private PlanningResult planSliceNow(int division, String currency, LocalDate today, PlanningPolicy policy,
            Instant now, DebtorRange range) {
        try (Connection c = dataSource.getConnection()) {
            settingsForThePlanningRun(c);
            score(c, division, today, policy, range);
            return planReminders(c, division, currency, today, policy, now, range);
        } catch (SQLException e) {
            throw new IllegalStateException("The planning run of division " + division + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The scoring of the planning run alone, over the whole division: settles the open promises, scores the
     * debtors whose paid history changed since they were scored (all of them the first time) and chooses
     * every debtor's scenario; answers how many were scored. The benchmark times the first one on its own.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int score(int division, LocalDate today, PlanningPolicy policy) {
        try (Connection c = dataSource.getConnection()) {
            settingsForThePlanningRun(c);
            return score(c, division, today, policy, DebtorRange.ALL);
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

    /** Settles the promises before scoring, so that a promise broken today already counts in today's score. */
    private static int score(Connection c, int division, LocalDate today, PlanningPolicy policy, DebtorRange range)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SETTLE_PROMISES)) {
            ps.setInt(1, division);
            ps.setDate(2, Date.valueOf(today));
            ps.setInt(3, policy.promiseGraceDays());
            range.set(ps, 4);
            ps.executeUpdate();
        }
        int scored;
        try (PreparedStatement ps = c.prepareStatement(SCORE)) {
            ps.setInt(1, division);
            ps.setDate(2, Date.valueOf(today));
            range.set(ps, 3);
            scored = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(CHOOSE_SCENARIO)) {
            ps.setInt(1, division);
            ps.setInt(2, policy.minimumPaidItems());
            ps.setInt(3, policy.goodPayerFrom());
            ps.setInt(4, policy.latePayerBelow());
            ps.setString(5, policy.goodPayerScenario());
            ps.setString(6, policy.latePayerScenario());
            range.set(ps, 7);
            ps.executeUpdate();
        }
        return scored;
    }

    private static PlanningResult planReminders(Connection c, int division, String currency, LocalDate today,
            PlanningPolicy policy, Instant now, DebtorRange range) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PLAN)) {
            ps.setInt(1, division);
            ps.setDate(2, Date.valueOf(today));
            ps.setBigDecimal(3, policy.minimumAmount());
            ps.setInt(4, policy.promiseGraceDays());
            ps.setString(5, currency);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setArray(7, c.createArrayOf("text", SkipReason.codesInOrder()));
            range.set(ps, 8);
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

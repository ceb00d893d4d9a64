package nl.dunwise.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.debtor.DebtorActions;
import nl.dunwise.debtor.FileTrail;
import nl.dunwise.debtor.Promises;
import nl.dunwise.dispute.Disputes;
import nl.dunwise.dunning.PlanningPolicy;
import nl.dunwise.dunning.ReminderPlanner;
import nl.dunwise.dunning.StandaloneDispatch;
import nl.dunwise.exact.writeback.ExactWriteBacks;
import nl.dunwise.exact.writeback.WriteBackQueue;

/**
 * A collector's desk on a PostgreSQL database of its own: divisions with a standard scenario, debtors and
 * invoices, and the collector's services as the container wires them, each call in a transaction of its own
 * with the audit trail and the write-back outbox in that same transaction.
 */
public final class CollectorDesk implements AutoCloseable {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    public static final Actor COLIN = Actor.staff("colin");
    public static final int GRACE_DAYS = 3;
    public static final PlanningPolicy POLICY = new PlanningPolicy(new BigDecimal("5.00"), GRACE_DAYS, 3, 80, 40,
            "friendly", "strict");

    private static final AtomicInteger NEXT_DIVISION = new AtomicInteger(3_200_000);

    private final OwnDatabase database;
    private final EntityManagerFactory jpa;

    /** The collector's services within one transaction. */
    public record Services(DebtorActions debtors, Promises promises, Disputes disputes) {
    }

    public CollectorDesk(Class<?> testClass) throws SQLException {
        database = new OwnDatabase(testClass);
        jpa = StandaloneDispatch.entityManagerFactory(database.url(), OwnDatabase.USER, OwnDatabase.PASSWORD);
    }

    public OwnDatabase database() {
        return database;
    }

    /** {@code work} in a transaction of its own, committed when it returns, rolled back when it throws. */
    public <T> T act(Function<Services, T> work) {
        return StandaloneDispatch.inTransaction(jpa, em -> work.apply(services(em)));
    }

    private static Services services(EntityManager em) {
        AuditLog audit = new AuditLog(em, CLOCK);
        ExactWriteBacks writeBacks = new ExactWriteBacks(
                new WriteBackQueue(StandaloneDispatch.transactionConnection(em)), audit, CLOCK);
        FileTrail trail = new FileTrail(em, writeBacks, audit);
        return new Services(new DebtorActions(em, trail, CLOCK), new Promises(em, trail, GRACE_DAYS, CLOCK),
                new Disputes(em, trail, CLOCK));
    }

    /** A division in {@code country} (EUR) whose default scenario reminds +7, +21 and +35 days after the due date. */
    public int division(String country) throws SQLException {
        int code = NEXT_DIVISION.incrementAndGet();
        long connection = database.single(
                "INSERT INTO exact_connection (country, base_url, status) VALUES ('nl', 'http://x', 'CONNECTED') RETURNING id");
        database.execute("INSERT INTO division (code, connection_id, description, currency, country) VALUES (" + code + ", "
                + connection + ", 'Demo', 'EUR', '" + country + "')");
        long scenario = database.single("INSERT INTO scenario (division, code, name, is_default) VALUES (" + code
                + ", 'standard', 'Standard', true) RETURNING id");
        database.execute("INSERT INTO step (scenario_id, position, day_offset, channel, template_code) VALUES ("
                + scenario + ", 1, 7, 'EMAIL', 'first-reminder'), (" + scenario + ", 2, 21, 'EMAIL', 'second-reminder'), ("
                + scenario + ", 3, 35, 'EMAIL', 'final-notice')");
        return code;
    }

    public long debtor(int division, String code) throws SQLException {
        return database.single("INSERT INTO debtor (division, exact_id, code, name, email, exact_timestamp) VALUES ("
                + division + ", gen_random_uuid(), '" + code + "', 'Debtor " + code + "', '" + code
                + "@example.com', 1) RETURNING id");
    }

    /** An open invoice of the debtor, numbered {@code <code>-<n>}. */
    public long invoice(long debtor, LocalDate due, String amount) throws SQLException {
        return database.single("INSERT INTO invoice (division, exact_id, debtor_id, invoice_number, due_date, amount, "
                + "open_amount, currency, exact_status, exact_timestamp) SELECT division, gen_random_uuid(), id, code || '-' "
                + "|| (SELECT count(*) + 1 FROM invoice WHERE debtor_id = " + debtor + "), DATE '" + due + "', " + amount
                + ", " + amount + ", 'EUR', 20, 1 FROM debtor WHERE id = " + debtor + " RETURNING id");
    }

    /** The planning run of the division on {@code day}. */
    public void plan(int division, LocalDate day) {
        new ReminderPlanner(database.dataSource()).plan(division, "EUR", day, POLICY,
                day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** Each row of a query as its columns joined by " | ". */
    public List<String> rows(String sql, Object... parameters) throws SQLException {
        return database.rows(sql, parameters);
    }

    public long single(String sql) throws SQLException {
        return database.single(sql);
    }

    public void execute(String sql) throws SQLException {
        database.execute(sql);
    }

    @Override
    public void close() throws SQLException {
        jpa.close();
        database.close();
    }
}

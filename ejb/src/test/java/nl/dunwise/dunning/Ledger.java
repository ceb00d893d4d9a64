package nl.dunwise.dunning;

import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import nl.dunwise.testing.OwnDatabase;

/**
 * The books of a test class's divisions, on a PostgreSQL database of its own: scenarios, debtors, open and
 * paid items.
 */
public final class Ledger implements AutoCloseable {

    private static final AtomicInteger NEXT_DIVISION = new AtomicInteger(3_100_000);

    private final OwnDatabase database;

    public Ledger(Class<?> testClass) throws SQLException {
        database = new OwnDatabase(testClass);
    }

    public String url() {
        return database.url();
    }

    /**
     * JPA on this database as the application maps it, with local transactions (no container). Reads inside a
     * transaction use its connection, as in the container, so that a row locked FOR UPDATE stays locked.
     */
    public EntityManagerFactory entityManagerFactory() {
        return StandaloneDispatch.entityManagerFactory(url(), OwnDatabase.USER, OwnDatabase.PASSWORD);
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public void close() throws SQLException {
        database.close();
    }

    /**
     * A new division with scenarios like those of DefaultScenarios (standard the default), the final notice
     * sent as a letter: standard -3 pre-due, +7, +21, +35 final notice, +49 call task, +63 agency (needs
     * approval); friendly -3, +14, +30, +45; strict +1, +10, +20.
     */
    public int division() throws SQLException {
        return division(true);
    }

    /** A new division; without scenarios when {@code withScenarios} is false. */
    public int division(boolean withScenarios) throws SQLException {
        int code = NEXT_DIVISION.incrementAndGet();
        long connection = id("INSERT INTO exact_connection (country, base_url, status) VALUES ('nl', 'http://x', 'CONNECTED') RETURNING id");
        execute("INSERT INTO division (code, connection_id, description, currency) VALUES (" + code + ", " + connection + ", 'Demo', 'EUR')");
        if (withScenarios) {
            scenario(code, "friendly", false, "(-3, 'EMAIL', 'pre-due-notice', false)", "(14, 'EMAIL', 'first-reminder', false)",
                    "(30, 'EMAIL', 'second-reminder', false)", "(45, 'EMAIL', 'final-notice', false)");
            scenario(code, "standard", true, "(-3, 'EMAIL', 'pre-due-notice', false)", "(7, 'EMAIL', 'first-reminder', false)",
                    "(21, 'EMAIL', 'second-reminder', false)", "(35, 'LETTER', 'final-notice', false)",
                    "(49, 'CALL_TASK', 'call-task', false)", "(63, 'AGENCY', 'agency-handover', true)");
            scenario(code, "strict", false, "(1, 'EMAIL', 'first-reminder', false)", "(10, 'EMAIL', 'second-reminder', false)",
                    "(20, 'EMAIL', 'final-notice', false)");
        }
        return code;
    }

    private void scenario(int division, String code, boolean isDefault, String... steps) throws SQLException {
        long id = id("INSERT INTO scenario (division, code, name, is_default) VALUES (" + division + ", '" + code + "', '" + code
                + "', " + isDefault + ") RETURNING id");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            String[] parts = steps[i].substring(1, steps[i].length() - 1).split(", ");
            rows.add("(" + id + ", " + (i + 1) + ", " + parts[0] + ", " + parts[1] + ", " + parts[2] + ", " + parts[3] + ")");
        }
        execute("INSERT INTO step (scenario_id, position, day_offset, channel, template_code, needs_approval) VALUES "
                + String.join(", ", rows));
    }

    public long scenarioId(int division, String code) throws SQLException {
        return id("SELECT id FROM scenario WHERE division = " + division + " AND code = '" + code + "'");
    }

    public long debtor(int division, String code) throws SQLException {
        return id("INSERT INTO debtor (division, exact_id, code, name, email, exact_timestamp) VALUES (" + division
                + ", gen_random_uuid(), '" + code + "', '" + code + "', '" + code + "@example.com', 1) RETURNING id");
    }

    /** An open item of the debtor (a credit note when the amount is negative). */
    public long invoice(long debtor, LocalDate due, String amount) throws SQLException {
        return id("INSERT INTO invoice (division, exact_id, debtor_id, invoice_number, due_date, amount, open_amount, currency, "
                + "exact_status, exact_timestamp) SELECT division, gen_random_uuid(), id, code || '-' || (SELECT count(*) + 1 FROM invoice "
                + "WHERE debtor_id = " + debtor + "), DATE '" + due + "', " + amount + ", " + amount + ", 'EUR', 20, 1 FROM debtor WHERE id = "
                + debtor + " RETURNING id");
    }

    /** An invoice paid in full on {@code paidOn} by a payment linked to it, closed the day after. */
    public long paidInvoice(long debtor, LocalDate due, String amount, LocalDate paidOn) throws SQLException {
        long invoice = invoice(debtor, due, amount);
        execute("UPDATE invoice SET open_amount = 0, closed_at = TIMESTAMPTZ '" + paidOn.plusDays(1) + " 12:00:00Z' WHERE id = " + invoice);
        execute("INSERT INTO payment (division, exact_id, debtor_id, invoice_id, amount, currency, paid_on) SELECT division, "
                + "gen_random_uuid(), debtor_id, id, amount, 'EUR', DATE '" + paidOn + "' FROM invoice WHERE id = " + invoice);
        return invoice;
    }

    public void dispute(long invoice) throws SQLException {
        execute("INSERT INTO dispute (division, debtor_id, invoice_id, reason, status, opened_by, opened_at) SELECT division, "
                + "debtor_id, id, 'QUALITY', 'OPEN', 'test', now() FROM invoice WHERE id = " + invoice);
    }

    public void execute(String sql) throws SQLException {
        database.execute(sql);
    }

    public long id(String sql) throws SQLException {
        return database.single(sql);
    }

    /** Each row of a query as its columns joined by " | ". */
    public List<String> rows(String sql, Object... parameters) throws SQLException {
        return database.rows(sql, parameters);
    }
}

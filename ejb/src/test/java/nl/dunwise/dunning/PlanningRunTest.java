package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import nl.dunwise.platform.DatabaseMigration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The planning SQL on real PostgreSQL (a database of its own, dropped afterwards): which debtor gets which
 * step, and every pause rule that keeps a debtor out. ./dunwise test makes sure PostgreSQL answers.
 */
class PlanningRunTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final int DIVISION = 3124567;
    private static final String DB = "dunwise_unit_" + ProcessHandle.current().pid();
    private static final String HOST = System.getenv().getOrDefault("DUNWISE_DB_HOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("DUNWISE_DB_PORT", "5432");
    private static final String USER = System.getenv().getOrDefault("DUNWISE_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("DUNWISE_DB_PASSWORD", "");

    private static final PlanningPolicy POLICY = new PlanningPolicy(new BigDecimal("5.00"), 3, 3, 80, 40, "friendly", "strict");

    private static PGSimpleDataSource dataSource;
    private static ReminderPlanner planner;

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
                Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB);
            st.execute("CREATE DATABASE " + DB);
        }
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://" + HOST + ":" + PORT + "/" + DB + "?currentSchema=dunwise");
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        DatabaseMigration.migrateSchema(dataSource);
        planner = new ReminderPlanner(dataSource);
        fixture();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
                Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        }
    }

    /** The standard scenario and one debtor per rule, each with its open items (days overdue, amount). */
    private static void fixture() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO exact_connection (id, country, base_url, status) VALUES (1, 'nl', 'http://x', 'CONNECTED')");
            st.execute("INSERT INTO division (code, connection_id, description, currency) VALUES (" + DIVISION + ", 1, 'Demo', 'EUR')");
            st.execute("INSERT INTO scenario (id, division, code, name, is_default) VALUES (1, " + DIVISION + ", 'standard', 'Standard', true)");
            st.execute("""
                    INSERT INTO step (scenario_id, position, day_offset, channel, template_code) VALUES
                      (1, 1, -3, 'EMAIL', 'pre-due-notice'), (1, 2, 7, 'EMAIL', 'first-reminder'),
                      (1, 3, 21, 'EMAIL', 'second-reminder'), (1, 4, 35, 'EMAIL', 'final-notice'),
                      (1, 5, 49, 'CALL_TASK', 'call-task')
                    """);
            debtor(st, 1, "late-twice", 10, "120.00", 25, "80.00");
            debtor(st, 2, "disputed", 30, "500.00");
            st.execute("INSERT INTO dispute (division, debtor_id, invoice_id, reason, status, opened_by, opened_at) "
                    + "VALUES (" + DIVISION + ", 2, 201, 'QUALITY', 'OPEN', 'test', now())");
            debtor(st, 3, "credit-covers", 10, "100.00", -5, "-150.00");
            debtor(st, 4, "below-minimum", 10, "3.00");
            debtor(st, 5, "promised", 10, "400.00");
            st.execute("INSERT INTO promise_to_pay (division, debtor_id, promised_date, status, made_by, made_at) "
                    + "VALUES (" + DIVISION + ", 5, DATE '" + TODAY.plusDays(1) + "', 'OPEN', 'test', now())");
            debtor(st, 6, "before-first-step", 3, "250.00");
            debtor(st, 7, "blocked", 15, "250.00");
            st.execute("UPDATE debtor SET dunning_blocked = true WHERE id = 7");
            debtor(st, 8, "call-stage", 60, "900.00");
            debtor(st, 9, "part-disputed", 40, "300.00", 9, "200.00");
            st.execute("INSERT INTO dispute (division, debtor_id, invoice_id, reason, status, opened_by, opened_at) "
                    + "VALUES (" + DIVISION + ", 9, 901, 'PRICE', 'OPEN', 'test', now())");
        }
    }

    /** A debtor with open items given as (days overdue, amount) pairs; invoice ids are debtor id * 100 + n. */
    private static void debtor(Statement st, int id, String code, Object... items) throws SQLException {
        st.execute("INSERT INTO debtor (id, division, exact_id, code, name, email, exact_timestamp) VALUES (" + id + ", "
                + DIVISION + ", gen_random_uuid(), '" + code + "', '" + code + "', '" + code + "@example.com', 1)");
        for (int i = 0; i < items.length; i += 2) {
            int daysOverdue = (Integer) items[i];
            st.execute("INSERT INTO invoice (id, division, exact_id, debtor_id, invoice_number, due_date, open_amount, currency, "
                    + "exact_status, exact_timestamp) VALUES (" + (id * 100 + i / 2 + 1) + ", " + DIVISION + ", gen_random_uuid(), "
                    + id + ", '" + code + "-" + (i / 2 + 1) + "', DATE '" + TODAY.minusDays(daysOverdue) + "', " + items[i + 1]
                    + ", 'EUR', 20, 1)");
        }
    }

    /** debtor code -> "template: n invoices, total" of what the run planned. */
    private static Map<String, String> planned() throws SQLException {
        Map<String, String> result = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT d.code, s.template_code, count(ri.invoice_id), r.total_amount
                FROM reminder r JOIN debtor d ON d.id = r.debtor_id JOIN step s ON s.id = r.step_id
                JOIN reminder_invoice ri ON ri.reminder_id = r.id
                GROUP BY d.code, s.template_code, r.total_amount
                """)) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getString(2) + ": " + rs.getInt(3) + " invoices, " + rs.getBigDecimal(4));
            }
        }
        return result;
    }

    @Test
    void onlyDebtorsThatMayBeChasedGetOneReminderAtTheStepOfTheirOldestItem() throws SQLException {
        int count = planner.plan(DIVISION, "EUR", TODAY, POLICY, Instant.parse("2026-11-25T06:00:00Z")).planned();

        assertEquals(Map.of(
                "late-twice", "second-reminder: 2 invoices, 200.00",
                "call-stage", "final-notice: 1 invoices, 900.00",
                "part-disputed", "first-reminder: 1 invoices, 200.00"), planned(),
                "disputed items, credit covering the debt, amounts below the minimum, an open promise, blocked debtors "
                        + "and debtors before their first step are left out");
        assertEquals(3, count);

        assertEquals(0, planner.plan(DIVISION, "EUR", TODAY, POLICY, Instant.parse("2026-11-25T07:00:00Z")).planned(),
                "a second run on the same day plans nothing new");
    }
}

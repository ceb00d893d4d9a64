package nl.dunwise.sandbox.exact.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The triggers that turn changes into webhook deliveries, on real PostgreSQL (a database of its own,
 * dropped afterwards): whoever writes, a subscribed change is announced once per subscription.
 */
class WebhookCaptureTest {

    private static final String DB = "dunwise_sandbox_unit_" + ProcessHandle.current().pid();
    private static final String HOST = System.getenv().getOrDefault("DUNWISE_DB_HOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("DUNWISE_DB_PORT", "5432");
    private static final String USER = System.getenv().getOrDefault("DUNWISE_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("DUNWISE_DB_PASSWORD", "");
    private static final String ACCOUNT = "'a0000000-0000-4000-8000-000000000001'";
    private static final String ENTRY = "'e0000000-0000-4000-8000-000000000001'";

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + DB, USER, PASSWORD);
    }

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB);
            st.execute("CREATE DATABASE " + DB);
        }
        try (Connection c = db(); Statement st = c.createStatement()) {
            for (String sql : Schema.statements()) {
                st.execute(sql);
            }
            st.execute("INSERT INTO exs_division VALUES (1, 'One', 1, 'EUR', 'NL', 1, 42, current_date, now(), now())");
            st.execute("INSERT INTO exs_division VALUES (2, 'Two', 2, 'EUR', 'NL', 1, 42, current_date, now(), now())");
            st.execute("INSERT INTO exs_user VALUES ('00000000-0000-4000-8000-0000000000aa', 'u', 'x', 'U', null, 'nl', 1)");
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        }
    }

    @BeforeEach
    void emptyStore() throws SQLException {
        execute("DELETE FROM exs_webhook_delivery", "DELETE FROM exs_webhook_subscription",
                "DELETE FROM exs_payment_term", "DELETE FROM exs_account");
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static void subscribe(int division, String topic, String callback) throws SQLException {
        execute("INSERT INTO exs_webhook_subscription VALUES (gen_random_uuid(), " + division + ", 'app', '" + topic
                + "', '" + callback + "', 'http://sandbox', '00000000-0000-4000-8000-0000000000aa', now())");
    }

    private static void account(int division) throws SQLException {
        execute("INSERT INTO exs_account (id, division, code, name, created, modified) VALUES (" + ACCOUNT + ", "
                + division + ", '1000', 'Acme', now(), now())");
    }

    /** "callback topic action key endpoint" per delivery, in the order they were captured. */
    private static List<String> deliveries() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT s.callback_url, s.topic, d.action, d.entity_key, d.endpoint_path
                FROM exs_webhook_delivery d JOIN exs_webhook_subscription s ON s.id = d.subscription_id
                ORDER BY d.id, s.callback_url
                """)) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getString(5));
            }
        }
        return out;
    }

    @Test
    void accountChangesAreAnnouncedOncePerSubscriptionOfItsDivision() throws SQLException {
        subscribe(1, "Accounts", "http://a");
        subscribe(1, "Accounts", "http://b");
        subscribe(2, "Accounts", "http://other-division");
        subscribe(1, "Contacts", "http://other-topic");

        account(1);
        execute("UPDATE exs_account SET blocked = true WHERE id = " + ACCOUNT,
                "UPDATE exs_account SET blocked = true WHERE id = " + ACCOUNT,
                "DELETE FROM exs_account WHERE id = " + ACCOUNT);

        String key = ACCOUNT.replace("'", "");
        assertEquals(List.of(
                "http://a Accounts Create " + key + " crm/Accounts", "http://b Accounts Create " + key + " crm/Accounts",
                "http://a Accounts Update " + key + " crm/Accounts", "http://b Accounts Update " + key + " crm/Accounts",
                "http://a Accounts Delete " + key + " crm/Accounts", "http://b Accounts Delete " + key + " crm/Accounts"),
                deliveries(), "an update that changes nothing is no event");
    }

    @Test
    void paymentTermChangesAreAnnouncedAsTheirFinancialTransaction() throws SQLException {
        account(1);
        subscribe(1, "FinancialTransactions", "http://a");
        execute("INSERT INTO exs_payment_term (id, division, account_id, entry_id, invoice_number, entry_number, journal, "
                + "invoice_date, due_date, currency, amount_dc, amount_fc, transaction_amount_dc, transaction_amount_fc, "
                + "transaction_type, status, created, modified) VALUES (gen_random_uuid(), 1, " + ACCOUNT + ", " + ENTRY
                + ", 1, 1, '70', current_date, current_date, 'EUR', 10, 10, 10, 10, 20, 20, now(), now())",
                "UPDATE exs_payment_term SET amount_dc = 4, amount_fc = 4");

        String key = ENTRY.replace("'", "");
        assertEquals(List.of(
                "http://a FinancialTransactions Create " + key + " financialtransaction/Transactions",
                "http://a FinancialTransactions Update " + key + " financialtransaction/Transactions"), deliveries());
    }

    @Test
    void nothingIsCapturedWithoutASubscriptionOrWhenTheChangeRollsBack() throws SQLException {
        account(1);
        subscribe(1, "Accounts", "http://a");
        try (Connection c = db()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE exs_account SET name = 'Changed' WHERE id = " + ACCOUNT);
            }
            c.rollback();
        }
        assertEquals(List.of(), deliveries());
    }
}

package nl.dunwise.sandbox.exact.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
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

    private static final String ACCOUNT = "'a0000000-0000-4000-8000-000000000001'";
    private static final String ENTRY = "'e0000000-0000-4000-8000-000000000001'";
    private static final String INVOICE = "'10000000-0000-4000-8000-000000000001'";
    private static final String DOCUMENT = "'d0000000-0000-4000-8000-000000000001'";

    private static OwnDatabase database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = new OwnDatabase(WebhookCaptureTest.class);
        database.execute("INSERT INTO exs_division VALUES (1, 'One', 1, 'EUR', 'NL', 1, 42, current_date, now(), now())",
                "INSERT INTO exs_division VALUES (2, 'Two', 2, 'EUR', 'NL', 1, 42, current_date, now(), now())",
                "INSERT INTO exs_user VALUES ('00000000-0000-4000-8000-0000000000aa', 'u', 'x', 'U', null, 'nl', 1)");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        database.close();
    }

    @BeforeEach
    void emptyStore() throws SQLException {
        database.execute("DELETE FROM exs_webhook_delivery", "DELETE FROM exs_webhook_subscription",
                "DELETE FROM exs_payment_term", "DELETE FROM exs_account", "DELETE FROM exs_sales_invoice",
                "DELETE FROM exs_document_attachment", "DELETE FROM exs_document");
    }

    private static void subscribe(int division, String topic, String callback) throws SQLException {
        database.execute("INSERT INTO exs_webhook_subscription VALUES (gen_random_uuid(), " + division + ", 'app', '" + topic
                + "', '" + callback + "', 'http://sandbox', '00000000-0000-4000-8000-0000000000aa', now())");
    }

    private static void account(int division) throws SQLException {
        database.execute("INSERT INTO exs_account (id, division, code, name, created, modified) VALUES (" + ACCOUNT + ", "
                + division + ", '1000', 'Acme', now(), now())");
    }

    /** "callback topic action key endpoint" per delivery, in the order they were captured. */
    private static List<String> deliveries() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
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
        database.execute("UPDATE exs_account SET blocked = true WHERE id = " + ACCOUNT,
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
        database.execute("INSERT INTO exs_payment_term (id, division, account_id, entry_id, invoice_number, entry_number, journal, "
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
    void aSalesInvoiceIsAnnouncedByItsInvoiceIdNotByItsLine() throws SQLException {
        subscribe(1, "SalesInvoices", "http://a");
        database.execute("INSERT INTO exs_sales_invoice (id, invoice_id, division, payment_term_id, account_id, invoice_number, "
                + "line_number, type, status, journal, invoice_date, due_date, currency, amount_dc, created, modified) VALUES ("
                + "gen_random_uuid(), " + INVOICE + ", 1, gen_random_uuid(), " + ACCOUNT + ", 1, 1, 8020, 50, '70', current_date, "
                + "current_date, 'EUR', 10, now(), now())",
                "UPDATE exs_sales_invoice SET your_ref = 'PO 12'",
                "UPDATE exs_sales_invoice SET your_ref = 'PO 12'");

        String key = INVOICE.replace("'", "");
        assertEquals(List.of("http://a SalesInvoices Create " + key + " salesinvoice/SalesInvoices",
                "http://a SalesInvoices Update " + key + " salesinvoice/SalesInvoices"), deliveries());
    }

    @Test
    void aNewPdfIsAnnouncedAsAChangeOfItsDocument() throws SQLException {
        subscribe(1, "Documents", "http://a");
        subscribe(1, "SalesInvoices", "http://not-this-topic");
        database.execute("INSERT INTO exs_document (id, division, account_id, type, subject, document_date, created, modified) "
                + "VALUES (" + DOCUMENT + ", 1, " + ACCOUNT + ", 10, 'Factuur 1', current_date, now(), now())",
                "INSERT INTO exs_document_attachment (id, division, document_id, file_name, file_size, created, modified) VALUES ("
                + "gen_random_uuid(), 1, " + DOCUMENT + ", 'Factuur 1.pdf', 2000, now(), now())",
                "DELETE FROM exs_document_attachment");

        String key = DOCUMENT.replace("'", "");
        assertEquals(List.of("http://a Documents Create " + key + " documents/Documents",
                "http://a Documents Create " + key + " documents/Documents",
                "http://a Documents Delete " + key + " documents/Documents"), deliveries(),
                "the document, its attachment added, its attachment removed");
    }

    @Test
    void nothingIsCapturedWithoutASubscriptionOrWhenTheChangeRollsBack() throws SQLException {
        account(1);
        subscribe(1, "Accounts", "http://a");
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE exs_account SET name = 'Changed' WHERE id = " + ACCOUNT);
            }
            c.rollback();
        }
        assertEquals(List.of(), deliveries());
    }
}

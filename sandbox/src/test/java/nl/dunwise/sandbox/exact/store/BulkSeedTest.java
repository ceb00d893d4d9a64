package nl.dunwise.sandbox.exact.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.dunwise.sandbox.exact.seed.DemoDataGenerator;

/** The set-based seed of the sync benchmark, at a small size on real PostgreSQL. */
class BulkSeedTest {

    private static final int DIVISION = 3124567;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static OwnDatabase database;

    /** The open items: the demo debtor also brings its year of paid invoices. */
    private static final String OPEN = "(SELECT * FROM exs_payment_term WHERE status = 20) t";

    @BeforeAll
    static void seed() throws SQLException {
        database = new OwnDatabase(BulkSeedTest.class);
        try (Connection c = database.dataSource().getConnection()) {
            SchemaInstaller.write(c, DemoDataGenerator.generate(new DemoDataGenerator.Settings(42, 1, 0, DIVISION, TODAY)));
            BulkSeed.fill(c, 42, DIVISION, TODAY, 499, 20_000);
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        database.close();
    }

    @Test
    void theDemoDebtorAndTheAskedNumberOfAccountsAndOpenItemsAreThere() throws SQLException {
        assertEquals(500, database.single("SELECT count(*) FROM exs_account"));
        assertEquals(1, database.single("SELECT count(*) FROM exs_account WHERE code = '1000'"));
        assertEquals(500, database.single("SELECT count(DISTINCT code) FROM exs_account"));
        assertEquals(20_000, database.single("SELECT count(*) FROM exs_payment_term WHERE status = 20"));
    }

    @Test
    void itemsLookLikeTheGeneratorsInvoicesAndCreditNotes() throws SQLException {
        assertEquals(20_000, database.single("SELECT count(DISTINCT invoice_number) FROM " + OPEN));
        assertEquals(0, database.single("SELECT count(*) FROM " + OPEN + " WHERE (transaction_type = 21) <> (amount_dc < 0)"));
        assertEquals(0, database.single("SELECT count(*) FROM " + OPEN + " WHERE due_date <= invoice_date"));
        assertEquals(0, database.single("SELECT count(*) FROM " + OPEN + " WHERE invoice_number / 1000000 <> extract(year FROM invoice_date)"));
        long partPaid = database.single("SELECT count(*) FROM " + OPEN + " WHERE amount_dc <> transaction_amount_dc");
        assertTrue(partPaid > 1_000 && partPaid < 4_000, "about 12% part-paid, got " + partPaid);
        assertEquals(partPaid, database.single("SELECT count(*) FROM " + OPEN + " WHERE last_payment_date "
                + "BETWEEN invoice_date AND DATE '2026-11-25' AND abs(amount_dc) < abs(transaction_amount_dc)"));
        long overdue = database.single("SELECT count(*) FROM " + OPEN + " WHERE due_date < DATE '2026-11-25'");
        assertTrue(overdue > 10_000 && overdue < 20_000, "most but not all overdue, got " + overdue);
        assertTrue(database.single("SELECT count(DISTINCT account_id) FROM " + OPEN + "") > 450);
    }

    @Test
    void accountsComeBeforeTheirItemsInTimestampOrderAndNothingWasAnnounced() throws SQLException {
        assertEquals(0, database.single("SELECT count(*) FROM exs_payment_term t JOIN exs_account a ON a.id = t.account_id "
                + "WHERE a.row_version > t.row_version"), "no item is in the sync before its account");
        assertEquals(0, database.single("SELECT count(*) FROM exs_webhook_delivery"));
        assertEquals(4, database.single("SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%webhook%' AND tgenabled = 'O' "
                + "AND tgrelid IN ('exs_account'::regclass, 'exs_payment_term'::regclass)"));
    }
}

package nl.dunwise.sandbox.exact.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.dunwise.sandbox.exact.model.Entities;
import nl.dunwise.sandbox.exact.seed.DemoDataGenerator;

/**
 * The sandbox's store on real PostgreSQL (a database of its own, dropped afterwards): journal lines that
 * agree with the open items, deletions that reach sync/Deleted with new Timestamps, and its paging.
 */
class SyncStoreTest {

    private static final int DIVISION = 3124567;

    private static OwnDatabase database;
    private static ExactStore store;
    private static Deletions deletions;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = new OwnDatabase(SyncStoreTest.class);
        try (Connection c = database.dataSource().getConnection()) {
            SchemaInstaller.write(c, DemoDataGenerator.generate(
                    new DemoDataGenerator.Settings(7, 20, 300, DIVISION, LocalDate.of(2026, 11, 25))));
            DocumentSeeder.seed(c);
        }
        store = new ExactStore();
        store.dataSource = database.dataSource();
        deletions = new Deletions();
        deletions.dataSource = database.dataSource();
        deletions.clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        database.close();
    }

    @Test
    void everyPartPaidItemHasAPaymentLineOnItsLastPaymentDateAndEachItemsLinesAddUpToItsOpenAmount() throws SQLException {
        long partPaid = database.single("SELECT count(*) FROM exs_payment_term WHERE amount_dc <> transaction_amount_dc");
        assertTrue(partPaid > 0, "the seed has part-paid items");
        assertEquals(partPaid, database.single("""
                SELECT count(*) FROM exs_payment_term t JOIN exs_transaction_line l
                  ON l.account_id = t.account_id AND l.invoice_number = t.invoice_number AND l.type = 40
                WHERE l.date = t.last_payment_date
                """));
        assertEquals(0, database.single("""
                SELECT count(*) FROM exs_payment_term t
                WHERE t.amount_dc <> (SELECT sum(l.amount_dc) FROM exs_transaction_line l
                                      WHERE l.account_id = t.account_id AND l.invoice_number = t.invoice_number)
                """), "sales line plus receipts equal what is still open");
    }

    @Test
    void everyItemHasItsSalesInvoiceAndNineInTenAPrintedPdfWhoseFileSizeIsWhatTheDownloadServes() throws SQLException {
        long terms = database.single("SELECT count(*) FROM exs_payment_term");
        assertEquals(terms, database.single("SELECT count(*) FROM exs_sales_invoice s JOIN exs_payment_term t "
                + "ON t.id = s.payment_term_id AND t.invoice_number = s.invoice_number AND t.your_ref IS NOT DISTINCT FROM s.your_ref"));
        long printed = database.single("SELECT count(*) FROM exs_sales_invoice WHERE document_id IS NOT NULL");
        assertTrue(printed > terms * 8 / 10 && printed < terms, printed + " of " + terms + " printed");
        assertEquals(printed, database.single("SELECT count(*) FROM exs_document d JOIN exs_sales_invoice s ON s.document_id = d.id "
                + "AND s.invoice_number = d.sales_invoice_number AND d.type = 10"));

        List<Map<String, Object>> attachments = store.sync(Entities.SYNC_DOCUMENT_ATTACHMENTS, DIVISION,
                Entities.SYNC_DOCUMENT_ATTACHMENTS.schema().fields(), null, 0, 1000, false).rows();
        assertEquals(printed, attachments.size());
        for (Map<String, Object> a : attachments.subList(0, 20)) {
            UUID id = (UUID) a.get("ID");
            assertEquals("/docs/SysAttachment.aspx?ID=" + id + "&_Division_=" + DIVISION, a.get("Url"));
            ExactStore.AttachmentFile file = store.attachment(DIVISION, id).orElseThrow();
            assertEquals(a.get("FileName"), file.fileName());
            assertEquals(((Number) a.get("FileSize")).longValue(),
                    nl.dunwise.sandbox.exact.document.InvoicePdf.render(file.invoice()).length);
        }
        assertTrue(store.attachment(DIVISION + 1, (UUID) attachments.get(0).get("ID")).isEmpty(), "not in another division");
        try (Connection c = database.dataSource().getConnection()) {
            assertEquals(0, DocumentSeeder.seed(c), "seeding again adds nothing");
        }
    }

    @Test
    void paidInvoicesAreProcessedTermsWithNothingOpenAndTheOpenItemsKeepTheirCount() throws SQLException {
        // Other tests here delete open items, each leaving a deletion record.
        assertEquals(300L, (Long) store.counts().get("openItems") + database.single("SELECT count(*) FROM exs_deleted "
                + "WHERE entity_type = " + Entities.DELETED_TYPE_PAYMENT_TERMS), "sandbox.exact.invoices still counts open items only");
        long paid = database.single("SELECT count(*) FROM exs_payment_term WHERE status = 50");
        assertTrue(paid > 100, "a year of paid invoices: " + paid);
        assertEquals(paid, database.single("SELECT count(*) FROM exs_payment_term WHERE status = 50 AND amount_dc = 0 "
                + "AND transaction_amount_dc > 0 AND last_payment_date IS NOT NULL"));
        assertEquals(0, database.single("SELECT count(*) FROM exs_payment_term WHERE status = 20 AND amount_dc = 0"));
        assertEquals(paid, database.single("""
                SELECT count(*) FROM exs_payment_term t
                WHERE t.status = 50 AND t.last_payment_date = (SELECT max(l.date) FROM exs_transaction_line l
                    WHERE l.account_id = t.account_id AND l.invoice_number = t.invoice_number AND l.type = 40)
                """), "the last receipt line of a paid invoice is dated its LastPaymentDate");
    }

    @Test
    void anAccountWithItemsAndAPaidTermCannotBeDeleted() throws SQLException {
        UUID paid = uuid("SELECT id FROM exs_payment_term WHERE status = 50 LIMIT 1");
        assertEquals(Deletions.Outcome.IN_USE, deletions.deletePaymentTerm(DIVISION, paid));
    }

    @Test
    void everyAccountHasOneMainContactWithAnEmailAddress() throws SQLException {
        assertEquals(database.single("SELECT count(*) FROM exs_account"), database.single(
                "SELECT count(*) FROM exs_contact WHERE is_main_contact AND email IS NOT NULL"));
        List<Map<String, Object>> contacts = store.sync(Entities.SYNC_CONTACTS, DIVISION,
                List.of(Entities.SYNC_CONTACTS.schema().require("Email")), null, 0, 5, false).rows();
        assertEquals(5, contacts.size());
        assertTrue(contacts.get(0).get("Email").toString().contains("@"));
    }

    @Test
    void deletingAnAccountRemovesItAndItsContactsAndReportsBothInSyncDeletedWithNewerTimestamps() throws SQLException {
        UUID account = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        database.execute("INSERT INTO exs_account (id, division, code, name, created, modified) VALUES ('" + account + "', "
                + DIVISION + ", '9001', 'Prospect B.V.', now(), now())");
        database.execute("INSERT INTO exs_contact (id, division, account_id, full_name, created, modified) VALUES ('" + contact
                + "', " + DIVISION + ", '" + account + "', 'Piet Prospect', now(), now())");
        long before = maxTimestamp();

        assertEquals(Deletions.Outcome.DELETED, deletions.deleteAccount(DIVISION, account));

        List<Map<String, Object>> deleted = store.sync(Entities.SYNC_DELETED, DIVISION,
                List.of(Entities.SYNC_DELETED.schema().require("EntityKey"), Entities.SYNC_DELETED.schema().require("EntityType")),
                null, before, 1000, false).rows();
        assertEquals(Map.of(contact, Entities.DELETED_TYPE_CONTACTS, account, Entities.DELETED_TYPE_ACCOUNTS),
                Map.of(deleted.get(0).get("EntityKey"), deleted.get(0).get("EntityType"),
                        deleted.get(1).get("EntityKey"), deleted.get(1).get("EntityType")));
        assertTrue((Long) deleted.get(0).get(ExactStore.PAGE_KEY) > before);
        assertEquals(0, database.single("SELECT count(*) FROM exs_account WHERE id = '" + account + "'"));
        assertEquals(Deletions.Outcome.NOT_FOUND, deletions.deleteAccount(DIVISION, account));
    }

    @Test
    void anAccountWithItemsAndAPartPaidTermCannotBeDeleted() throws SQLException {
        UUID withItems = uuid("SELECT account_id FROM exs_payment_term LIMIT 1");
        UUID partPaid = uuid("SELECT id FROM exs_payment_term WHERE amount_dc <> transaction_amount_dc LIMIT 1");
        assertEquals(Deletions.Outcome.IN_USE, deletions.deleteAccount(DIVISION, withItems));
        assertEquals(Deletions.Outcome.IN_USE, deletions.deletePaymentTerm(DIVISION, partPaid));
    }

    @Test
    void deletedTermsTakeTheirSalesLineAlongAndSyncDeletedPagesThroughThemInTimestampOrder() throws SQLException {
        long before = maxTimestamp();
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM exs_payment_term WHERE amount_dc = transaction_amount_dc "
                        + "ORDER BY invoice_number DESC LIMIT 3")) {
            while (rs.next()) {
                assertEquals(Deletions.Outcome.DELETED, deletions.deletePaymentTerm(DIVISION, rs.getObject(1, UUID.class)));
            }
        }
        var fields = List.of(Entities.SYNC_DELETED.schema().require("EntityType"));
        List<Map<String, Object>> first = store.sync(Entities.SYNC_DELETED, DIVISION, fields, null, before, 4, false).rows();
        long after = (Long) first.get(first.size() - 1).get(ExactStore.PAGE_KEY);
        List<Map<String, Object>> rest = store.sync(Entities.SYNC_DELETED, DIVISION, fields, null, after, 4, false).rows();
        assertEquals(4, first.size());
        assertEquals(2, rest.size(), "three terms and their three sales lines, four and two a page");
        assertEquals(3, first.stream().filter(r -> r.get("EntityType").equals(Entities.DELETED_TYPE_PAYMENT_TERMS)).count()
                + rest.stream().filter(r -> r.get("EntityType").equals(Entities.DELETED_TYPE_PAYMENT_TERMS)).count());
        assertTrue((Long) rest.get(0).get(ExactStore.PAGE_KEY) > after);
        assertEquals(0, database.single("SELECT count(*) FROM exs_transaction_line l WHERE l.type = 20 AND NOT EXISTS "
                + "(SELECT 1 FROM exs_payment_term t WHERE t.entry_id = l.entry_id)"), "no sales line outlives its term");
    }

    private static long maxTimestamp() throws SQLException {
        return database.single("SELECT last_value FROM exs_rowversion");
    }

    private static UUID uuid(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

}

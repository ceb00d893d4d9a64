package nl.dunwise.exact.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.dunwise.exact.client.ExactJson;
import nl.dunwise.exact.client.SyncEndpoint;
import nl.dunwise.testing.OwnDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kill and resume on real PostgreSQL (a database of its own, dropped afterwards): the sync passes run over
 * a division that keeps changing, and are killed at random, between pages and in the middle of a page's
 * transaction, again and again. Each time they resume from the stored Timestamp. At the end every debtor,
 * contact, invoice and payment is there exactly once with its latest values, deletions are applied, and
 * each stored Timestamp is the highest one committed.
 */
class SyncResumeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    private static OwnDatabase database;

    /** As in production, the next page is fetched while the current one is stored. */
    private static final ExecutorService FETCHER = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = new OwnDatabase(SyncResumeTest.class);
        database.execute("INSERT INTO exact_connection (id, country, base_url, status) VALUES (1, 'nl', 'http://x', 'CONNECTED')");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        FETCHER.shutdownNow();
        database.close();
    }

    /** Thrown where the process "dies". */
    private static final class Killed extends RuntimeException {
        Killed(String where) {
            super("killed " + where);
        }
    }

    /**
     * What the container gives SyncWriter: one connection per REQUIRES_NEW call, committed when the call
     * returns and rolled back when it throws. The connection can be armed to die at its n-th statement.
     */
    private static final class Transactions {
        private final ThreadLocal<Connection> current = new ThreadLocal<>();
        private int statementsLeft = -1;
        int midTransactionKills;

        final DataSource dataSource = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return enlisted(current.get());
                });

        private Connection pooled;

        /** Like a pool, one physical connection serves transaction after transaction. */
        <T> T inTransaction(int dieAtStatement, Supplier<T> work) {
            try {
                if (pooled == null) {
                    pooled = database.dataSource().getConnection();
                    pooled.setAutoCommit(false);
                }
                Connection c = pooled;
                current.set(c);
                statementsLeft = dieAtStatement;
                try {
                    T result = work.get();
                    c.commit();
                    return result;
                } catch (RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    current.remove();
                    statementsLeft = -1;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void close() throws SQLException {
            if (pooled != null) {
                pooled.close();
            }
        }

        private Connection enlisted(Connection c) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        if (method.getName().equals("prepareStatement") && statementsLeft > 0 && --statementsLeft == 0) {
                            midTransactionKills++;
                            throw new Killed("in the middle of a page's transaction");
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    /** SyncWriter as the container runs it: each call its own transaction, some of them dying half-way. */
    private static final class KillableWriter extends SyncWriter {
        private final Transactions tx;
        private final Random random;
        final Map<SyncEndpoint, Long> committedMax = new EnumMap<>(SyncEndpoint.class);

        KillableWriter(Transactions tx, Random random) {
            super(tx.dataSource, CLOCK);
            this.tx = tx;
            this.random = random;
        }

        @Override
        public long start(int division, SyncEndpoint endpoint) {
            return tx.inTransaction(-1, () -> super.start(division, endpoint));
        }

        @Override
        public int write(int division, String currency, SyncEndpoint endpoint, List<JsonObject> records) {
            int dieAt = random.nextInt(8) == 0 ? 1 + random.nextInt(4) : -1;
            int stored = tx.inTransaction(dieAt, () -> super.write(division, currency, endpoint, records));
            records.stream().mapToLong(r -> ExactJson.int64(r, "Timestamp")).max()
                    .ifPresent(ts -> committedMax.merge(endpoint, ts, Math::max));
            return stored;
        }
    }

    @Test
    void eachRunCountsItsOwnRowsForTheProgressShownWhileItRuns() throws SQLException {
        int division = 1100;
        database.execute("INSERT INTO division (code, connection_id, description, currency) VALUES (" + division + ", 1, 'D', 'EUR')");
        ScriptedExact exact = new ScriptedExact(7, 40, 2, 30, 3, 25);
        SyncWriter writer = new SyncWriter(database.dataSource(), CLOCK);
        EndpointPass.PageSource pages = (after, skiptoken) -> exact.page(SyncEndpoint.ACCOUNTS, after, skiptoken);

        long first = EndpointPass.run(writer, division, "EUR", SyncEndpoint.ACCOUNTS, pages, FETCHER);
        long second = EndpointPass.run(writer, division, "EUR", SyncEndpoint.ACCOUNTS, pages, FETCHER);

        String row = " FROM sync_state WHERE division = " + division + " AND entity = '" + SyncEndpoint.ACCOUNTS.stateKey() + "'";
        assertTrue(first > second, "the second run brings only what changed: " + first + " then " + second);
        assertEquals(second, database.single("SELECT rows_this_run" + row));
        assertEquals(first + second, database.single("SELECT rows_synced" + row));
    }

    @Test
    void aTermOfAnAccountNotSyncedYetGetsAPlaceholderDebtorThatTheNextAccountsPassFillsIn() throws SQLException {
        int division = 1200;
        database.execute("INSERT INTO division (code, connection_id, description, currency) VALUES (" + division + ", 1, 'D', 'EUR')");
        SyncWriter writer = new SyncWriter(database.dataSource(), CLOCK);
        UUID known = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        writer.write(division, "EUR", SyncEndpoint.ACCOUNTS, List.of(account(known, "K1", 10)));
        List<JsonObject> terms = List.of(term(known, "INV-1", 20), term(late, "INV-2", 21), term(late, "INV-3", 22));

        assertEquals(3, writer.write(division, "EUR", SyncEndpoint.PAYMENT_TERMS, terms));
        writer.write(division, "EUR", SyncEndpoint.PAYMENT_TERMS, terms);

        String debtors = "SELECT exact_id, code || '|' || name || '|' || exact_timestamp || '|' "
                + "|| (SELECT string_agg(i.invoice_number, ',' ORDER BY i.invoice_number) FROM invoice i WHERE i.debtor_id = d.id) "
                + "FROM debtor d WHERE division = " + division;
        assertEquals(Map.of(known, "K1|Debtor K1|10|INV-1", late, "|Exact account " + late + "|0|INV-2,INV-3"), rows(debtors),
                "one placeholder for the unknown account, however often its terms come");

        writer.write(division, "EUR", SyncEndpoint.ACCOUNTS, List.of(account(late, "L1", 30)));

        assertEquals(Map.of(known, "K1|Debtor K1|10|INV-1", late, "L1|Debtor L1|30|INV-2,INV-3"), rows(debtors));
    }

    private static JsonObject account(UUID id, String code, long ts) {
        return Json.createObjectBuilder().add("ID", id.toString()).add("Code", code).add("Name", "Debtor " + code)
                .add("Status", "C").add("Timestamp", String.valueOf(ts)).build();
    }

    private static JsonObject term(UUID account, String invoiceNumber, long ts) {
        return Json.createObjectBuilder().add("ID", UUID.nameUUIDFromBytes(invoiceNumber.getBytes()).toString())
                .add("Account", account.toString()).add("InvoiceNumber", invoiceNumber).add("DueDate", "/Date(1764547200000)/")
                .add("AmountDC", 100).add("Status", 20).add("Timestamp", String.valueOf(ts)).build();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aSyncKilledAtRandomAndResumedEndsWithEveryRowOnceWithItsLatestValues(long seed) throws SQLException {
        int division = 1000 + (int) seed;
        database.execute("INSERT INTO division (code, connection_id, description, currency) VALUES (" + division + ", 1, 'D', 'EUR')");
        ScriptedExact exact = new ScriptedExact(seed, 300, 4, 1500, 6, 250);
        Random random = new Random(seed);
        Transactions tx = new Transactions();
        KillableWriter writer = new KillableWriter(tx, random);
        int betweenPageKills = 0;
        int runs = 0;
        boolean clean;
        do {
            runs++;
            boolean changesBefore = exact.hasPendingChanges();
            clean = true;
            try {
                for (SyncEndpoint endpoint : SyncService.ORDER) {
                    EndpointPass.run(writer, division, "EUR", endpoint, (after, skiptoken) -> {
                        if (random.nextInt(10) == 0) {
                            throw new Killed("between pages");
                        }
                        return exact.page(endpoint, after, skiptoken);
                    }, FETCHER);
                }
            } catch (Killed k) {
                clean = false;
                betweenPageKills += k.getMessage().contains("between") ? 1 : 0;
            }
            clean &= !changesBefore;
        } while (!clean && runs < 500);
        tx.close();

        assertTrue(clean, "the sync came to a clean end");
        assertTrue(betweenPageKills > 3 && tx.midTransactionKills > 3,
                "killed often enough to mean something: " + betweenPageKills + " between pages, "
                        + tx.midTransactionKills + " mid-transaction, in " + runs + " runs");
        assertDebtors(division, exact);
        assertContacts(division, exact);
        assertInvoices(division, exact);
        assertPayments(division, exact);
        assertInvoicePdfs(division, exact);
        for (SyncEndpoint endpoint : SyncService.ORDER) {
            long stored = database.single("SELECT last_timestamp FROM sync_state WHERE division = " + division
                    + " AND entity = '" + endpoint.stateKey() + "'");
            assertEquals(writer.committedMax.get(endpoint), stored, endpoint + ": the highest Timestamp committed");
            assertTrue(stored >= exact.maxTimestamp(endpoint), endpoint + ": nothing Exact holds is left behind");
        }
    }

    private static void assertDebtors(int division, ScriptedExact exact) throws SQLException {
        Map<UUID, String> stored = rows("SELECT exact_id, code || '|' || name || '|' || coalesce(email, '-') || '|' "
                + "|| blocked_in_exact || '|' || deleted_in_exact FROM debtor WHERE division = " + division);
        int deletedSeen = 0;
        for (ScriptedExact.Account a : exact.accounts.values()) {
            String row = stored.get(a.id);
            if (a.deleted) {
                deletedSeen += row == null ? 0 : 1;
                assertTrue(row == null || row.endsWith("|true"), "deleted account " + a.code + " is marked: " + row);
            } else {
                assertEquals(a.code + "|" + a.name + "|" + (a.email == null ? "-" : a.email) + "|" + a.blocked + "|false",
                        row, "account " + a.code);
            }
        }
        assertEquals(exact.accounts.values().stream().filter(a -> !a.deleted).count() + deletedSeen, stored.size(),
                "one debtor per account, no placeholder left");
    }

    private static void assertContacts(int division, ScriptedExact exact) throws SQLException {
        Map<UUID, String> stored = rows("SELECT exact_id, account_exact_id || '|' || email || '|' || is_main_contact "
                + "|| '|' || deleted_in_exact FROM contact WHERE division = " + division);
        int deletedSeen = 0;
        for (ScriptedExact.Contact c : exact.contacts.values()) {
            String row = stored.get(c.id);
            if (c.deleted) {
                deletedSeen += row == null ? 0 : 1;
                assertTrue(row == null || row.endsWith("|true"), "deleted contact is marked: " + row);
            } else {
                assertEquals(c.account + "|" + c.email + "|" + c.main + "|false", row, "contact " + c.id);
            }
        }
        assertEquals(exact.contacts.values().stream().filter(c -> !c.deleted).count() + deletedSeen, stored.size());
    }

    private static void assertInvoices(int division, ScriptedExact exact) throws SQLException {
        Map<UUID, String> stored = rows("SELECT i.exact_id, d.exact_id || '|' || i.invoice_number || '|' || i.open_amount "
                + "|| '|' || (i.closed_at IS NOT NULL) || '|' || i.deleted_in_exact "
                + "FROM invoice i JOIN debtor d ON d.id = i.debtor_id WHERE i.division = " + division);
        int deletedSeen = 0;
        for (ScriptedExact.Term t : exact.terms.values()) {
            String row = stored.get(t.id);
            if (t.deleted) {
                deletedSeen += row == null ? 0 : 1;
                assertTrue(row == null || row.endsWith("|true|true"), "a deleted term closes its invoice: " + row);
            } else {
                assertEquals(t.account + "|" + t.invoiceNumber + "|" + t.open + "|" + (t.status() != 20) + "|false",
                        row, "invoice " + t.invoiceNumber);
            }
        }
        assertEquals(exact.terms.values().stream().filter(t -> !t.deleted).count() + deletedSeen, stored.size());
    }

    private static void assertPayments(int division, ScriptedExact exact) throws SQLException {
        Map<UUID, String> stored = rows("SELECT p.exact_id, i.exact_id || '|' || d.exact_id || '|' || p.amount || '|' "
                + "|| p.paid_on || '|' || p.deleted_in_exact FROM payment p LEFT JOIN invoice i ON i.id = p.invoice_id "
                + "LEFT JOIN debtor d ON d.id = p.debtor_id WHERE p.division = " + division);
        Map<UUID, ScriptedExact.Term> termOfPayment = new HashMap<>();
        exact.terms.values().forEach(t -> t.payments.forEach(l -> termOfPayment.put(l.id, t)));
        int deletedSeen = 0;
        long live = 0;
        for (ScriptedExact.Line l : exact.lines.values()) {
            if (l.type != TransactionLineRecord.CASH_OR_BANK) {
                continue;
            }
            String row = stored.get(l.id);
            if (l.deleted) {
                deletedSeen += row == null ? 0 : 1;
                assertTrue(row == null || row.endsWith("|true"), "a reversed payment is marked: " + row);
            } else {
                live++;
                assertEquals(termOfPayment.get(l.id).id + "|" + l.account + "|" + l.amountDc.negate() + "|" + l.date + "|false",
                        row, "payment of invoice " + l.invoiceNumber);
            }
        }
        assertEquals(live + deletedSeen, stored.size(), "one payment per bank line, sales lines are no payments");
        assertTrue(live > 100, "enough payments to mean something: " + live);
        assertEquals(0, database.single("SELECT count(*) FROM payment WHERE division = " + division + " AND invoice_id IS NULL"),
                "every payment found its invoice");
    }

    /** Each live invoice has its sales invoice once (not once per line) with the latest values, and its latest PDF. */
    private static void assertInvoicePdfs(int division, ScriptedExact exact) throws SQLException {
        Map<UUID, String> sales = rows("SELECT exact_id, invoice_number || '|' || your_ref || '|' || document_exact_id "
                + "FROM sales_invoice WHERE division = " + division);
        Map<UUID, String> pdfs = rows("SELECT i.exact_id, p.file_name || '|' || p.url FROM invoice_pdf p "
                + "JOIN invoice i ON i.id = p.invoice_id WHERE p.division = " + division);
        for (ScriptedExact.Term t : exact.terms.values()) {
            if (t.deleted) {
                continue;
            }
            assertEquals(t.invoiceNumber + "|" + t.yourRef + "|" + t.document, sales.get(t.invoiceId), "sales invoice " + t.invoiceNumber);
            assertEquals(t.attachmentDeleted ? null
                    : t.fileName() + "|https://start.exactonline.nl/docs/SysAttachment.aspx?ID=" + t.attachment + "&_Division_=1",
                    pdfs.get(t.id), "the PDF of invoice " + t.invoiceNumber);
        }
        assertTrue(exact.terms.values().stream().anyMatch(t -> t.printed > 1), "some invoices were printed again");
        assertTrue(exact.terms.values().stream().anyMatch(t -> t.attachmentDeleted && !t.deleted), "some PDFs were removed");
    }

    private static Map<UUID, String> rows(String sql) throws SQLException {
        Map<UUID, String> result = new HashMap<>();
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                result.put(rs.getObject(1, UUID.class), rs.getString(2));
            }
        }
        return result;
    }
}

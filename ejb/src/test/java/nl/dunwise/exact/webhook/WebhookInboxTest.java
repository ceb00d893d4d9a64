package nl.dunwise.exact.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.dunwise.exact.client.SyncEndpoint;
import nl.dunwise.testing.OwnDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook inbox on real PostgreSQL (a database of its own, dropped afterwards): repeats are stored
 * once, and all events of a division are settled by one sync.
 */
class WebhookInboxTest {

    private static final int DIVISION = 3124567;
    private static final int OTHER_DIVISION = 7654321;
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static OwnDatabase database;
    private static WebhookInbox inbox;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = new OwnDatabase(WebhookInboxTest.class);
        inbox = new WebhookInbox(database.dataSource());
        database.execute("INSERT INTO exact_connection (id, country, base_url, status) VALUES (1, 'nl', 'http://x', 'CONNECTED')",
                "INSERT INTO division (code, connection_id, description, currency) VALUES (" + DIVISION + ", 1, 'Demo', 'EUR')",
                "INSERT INTO division (code, connection_id, description, currency) VALUES (" + OTHER_DIVISION + ", 1, 'Other', 'EUR')");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        database.close();
    }

    @BeforeEach
    void emptyInbox() throws SQLException {
        database.execute("DELETE FROM exact_webhook_event");
    }

    private static WebhookEvent event(int division, String topic, String action, UUID key, int secondsAfterNow) {
        return new WebhookEvent(topic, division, action, key, NOW.plusSeconds(secondsAfterNow));
    }

    private static boolean record(WebhookEvent e) {
        return inbox.record(WebhookTopic.named(e.topic()).orElseThrow(), e, NOW);
    }

    @Test
    void aRepeatedDeliveryIsStoredOnceButALaterChangeOfTheSameRecordIsNew() throws SQLException {
        UUID key = UUID.randomUUID();
        assertTrue(record(event(DIVISION, "Accounts", "Update", key, 1)));
        assertFalse(record(event(DIVISION, "Accounts", "Update", key, 1)), "the same event delivered again");
        assertTrue(record(event(DIVISION, "Accounts", "Update", key, 2)), "a second change has its own moment");
        assertTrue(record(event(DIVISION, "Accounts", "Delete", key, 2)), "another action is another event");
        assertFalse(record(event(4242, "Accounts", "Update", key, 3)), "a division Dunwise does not manage");

        assertEquals(List.of(new PendingSync(DIVISION, Set.of(WebhookTopic.ACCOUNTS), true, maxId(), 3)), inbox.pending());
        assertEquals(List.of(SyncEndpoint.ACCOUNTS, SyncEndpoint.DELETED), inbox.pending().get(0).endpoints(),
                "a deleted account is no longer in sync/CRM/Accounts: Exact reports it in sync/Deleted");
    }

    @Test
    void manyEventsOfADivisionAreSettledByOneSyncOfTheEndpointsTheyTouch() {
        for (int i = 0; i < 20; i++) {
            record(event(DIVISION, i % 2 == 0 ? "FinancialTransactions" : "Accounts", "Update", UUID.randomUUID(), i));
        }
        record(event(OTHER_DIVISION, "Accounts", "Create", UUID.randomUUID(), 0));

        List<PendingSync> pending = inbox.pending();
        assertEquals(2, pending.size(), "one sync per division");
        PendingSync demo = pending.get(0);
        assertEquals(20, demo.events());
        assertEquals(List.of(SyncEndpoint.ACCOUNTS, SyncEndpoint.PAYMENT_TERMS, SyncEndpoint.TRANSACTION_LINES),
                demo.endpoints());
        PendingSync other = pending.get(1);
        assertEquals(List.of(SyncEndpoint.ACCOUNTS), other.endpoints());

        // An event arriving while the sync runs is not covered by it and waits for the next round.
        record(event(DIVISION, "Accounts", "Update", UUID.randomUUID(), 100));
        assertEquals(20, inbox.settled(demo, NOW));
        assertEquals(List.of(DIVISION, OTHER_DIVISION), inbox.pending().stream().map(PendingSync::division).toList());
        assertEquals(1, inbox.pending().get(0).events());
    }

    @Test
    void anInvoicePrintedOrItsPdfChangedSyncsOnlySalesInvoicesAndAttachmentsAndAsksForThePdfs() {
        record(event(DIVISION, "SalesInvoices", "Create", UUID.randomUUID(), 0));
        record(event(DIVISION, "Documents", "Update", UUID.randomUUID(), 1));
        record(event(OTHER_DIVISION, "Accounts", "Update", UUID.randomUUID(), 0));

        PendingSync printed = inbox.pending().get(0);
        assertEquals(List.of(SyncEndpoint.SALES_INVOICES, SyncEndpoint.DOCUMENT_ATTACHMENTS), printed.endpoints(),
                "neither refers to an account, so no Accounts call is spent");
        assertTrue(printed.bringsInvoicePdfs());
        assertFalse(inbox.pending().get(1).bringsInvoicePdfs());
    }

    @Test
    void aFailedSyncLeavesItsEventsForTheNextRound() {
        record(event(DIVISION, "FinancialTransactions", "Create", UUID.randomUUID(), 0));
        PendingSync pending = inbox.pending().get(0);
        assertEquals(List.of(SyncEndpoint.ACCOUNTS, SyncEndpoint.PAYMENT_TERMS, SyncEndpoint.TRANSACTION_LINES), pending.endpoints(),
                "receivables are synced after the accounts they refer to");

        assertEquals(1, inbox.failed(pending, "Exact Online is unavailable (HTTP 503)"));
        assertEquals(List.of(pending), inbox.pending());
        inbox.settled(pending, NOW);
        assertEquals(List.of(), inbox.pending());
        assertEquals(1, inbox.forgetSettledBefore(NOW.plusSeconds(1)));
    }

    private static long maxId() throws SQLException {
        return database.single("SELECT max(id) FROM exact_webhook_event");
    }
}

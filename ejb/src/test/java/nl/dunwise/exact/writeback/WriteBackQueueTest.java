package nl.dunwise.exact.writeback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.dunwise.testing.OwnDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox SQL on real PostgreSQL (a database of its own, dropped afterwards): claimed once, retried with
 * backoff, FAILED when Exact refuses, put back by a person, and never lost.
 */
class WriteBackQueueTest {

    private static final int DIVISION = 3124567;
    private static final UUID ACCOUNT = UUID.fromString("5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static OwnDatabase database;
    private static WriteBackQueue queue;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = new OwnDatabase(WriteBackQueueTest.class);
        queue = new WriteBackQueue(database.dataSource());
        database.execute("INSERT INTO exact_connection (id, country, base_url, status) VALUES (1, 'nl', 'http://x', 'CONNECTED')",
                "INSERT INTO division (code, connection_id, description, currency) VALUES (" + DIVISION + ", 1, 'Demo', 'EUR')",
                "INSERT INTO debtor (division, exact_id, code, name, exact_timestamp) VALUES (" + DIVISION + ", '" + ACCOUNT
                        + "', '1000', 'Bakkerij de Graaf', 1)");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        database.close();
    }

    @BeforeEach
    void emptyOutbox() throws SQLException {
        database.execute("DELETE FROM exact_writeback");
    }

    private static long count(String where) throws SQLException {
        return database.single("SELECT count(*) FROM exact_writeback WHERE " + where);
    }

    private static void enqueueNotes(int n, Instant at) {
        for (int i = 1; i <= n; i++) {
            assertTrue(queue.enqueue(DIVISION, WriteBackKind.NOTE, ACCOUNT, "{\"Subject\":\"Reminder " + i + "\"}",
                    "reminder:" + i, at));
        }
    }

    private static WriteBack only(List<WriteBack> claimed) {
        assertEquals(1, claimed.size(), "claimed: " + claimed);
        return claimed.get(0);
    }

    @Test
    void theSameEventIsQueuedOnce() throws SQLException {
        assertTrue(queue.enqueue(DIVISION, WriteBackKind.NOTE, ACCOUNT, "{}", "reminder:7", T0));
        assertFalse(queue.enqueue(DIVISION, WriteBackKind.NOTE, ACCOUNT, "{}", "reminder:7", T0.plusSeconds(5)));
        assertTrue(queue.enqueue(DIVISION, WriteBackKind.HOLD, ACCOUNT, "{\"Blocked\":true}", "reminder:7", T0),
                "another kind from the same source is another write-back");
        assertEquals(2, count("true"));
    }

    @Test
    void theNewestHoldWinsOverAnOlderOneStillWaitingSoARetryCannotPutTheOldValueBack() throws SQLException {
        assertTrue(queue.enqueueLatest(DIVISION, WriteBackKind.HOLD, ACCOUNT, "{\"Blocked\":true}", "audit:1", T0));
        WriteBack hold = only(queue.claim(10, T0, RetryPolicy.CLAIM));
        queue.failed(hold, "Exact Online is unavailable (HTTP 503)", false, T0);
        assertTrue(queue.enqueueLatest(DIVISION, WriteBackKind.HOLD, ACCOUNT, "{\"Blocked\":false}", "audit:2", T0.plusSeconds(5)));
        assertFalse(queue.enqueueLatest(DIVISION, WriteBackKind.HOLD, ACCOUNT, "{\"Blocked\":true}", "audit:2", T0.plusSeconds(6)),
                "the same event queues nothing twice, nor changes what waits");

        List<WriteBack> sent = queue.claim(10, T0.plus(Duration.ofHours(1)), RetryPolicy.CLAIM);

        assertEquals(List.of("audit:1 {\"Blocked\":false}", "audit:2 {\"Blocked\":false}"),
                sent.stream().map(w -> w.source() + " " + w.payload()).toList());
    }

    @Test
    void aRowHeldByOneClaimerIsSkippedByAnotherAndNotDueAfterwards() throws SQLException {
        enqueueNotes(4, T0);
        try (Connection first = database.dataSource().getConnection()) {
            first.setAutoCommit(false);
            List<WriteBack> firstClaim = queue.claim(first, 2, T0, RetryPolicy.CLAIM);
            // The first claimer's transaction is still open: the second neither waits nor gets its rows.
            List<WriteBack> secondClaim = queue.claim(10, T0, RetryPolicy.CLAIM);
            first.commit();
            assertEquals(2, firstClaim.size());
            assertEquals(2, secondClaim.size());
            Set<Long> ids = new HashSet<>();
            firstClaim.forEach(w -> ids.add(w.id()));
            secondClaim.forEach(w -> ids.add(w.id()));
            assertEquals(4, ids.size(), "no row in both claims");
        }
        assertTrue(queue.claim(10, T0.plusSeconds(60), RetryPolicy.CLAIM).isEmpty(), "claimed rows are not due again");
    }

    @Test
    void concurrentClaimersNeverShareARow() throws Exception {
        enqueueNotes(60, T0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Long>>> claimers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                claimers.add(() -> {
                    List<Long> mine = new ArrayList<>();
                    List<WriteBack> batch;
                    while (!(batch = queue.claim(3, T0, RetryPolicy.CLAIM)).isEmpty()) {
                        batch.forEach(w -> mine.add(w.id()));
                    }
                    return mine;
                });
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : pool.invokeAll(claimers)) {
                all.addAll(f.get());
            }
            assertEquals(60, all.size(), "every row claimed");
            assertEquals(60, new HashSet<>(all).size(), "and none twice");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void transientFailuresWaitOneTwoFourMinutesUpToAnHourAndFailAfterTenAttempts() throws SQLException {
        enqueueNotes(1, T0);
        Instant now = T0;
        List<Long> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= RetryPolicy.MAX_ATTEMPTS; attempt++) {
            WriteBack claimed = only(queue.claim(10, now, RetryPolicy.CLAIM));
            assertEquals(attempt, claimed.attempts());
            Optional<WriteBackStatus> status = queue.failed(claimed, "Exact Online is unavailable (HTTP 503)", false, now);
            if (attempt < RetryPolicy.MAX_ATTEMPTS) {
                assertEquals(Optional.of(WriteBackStatus.PENDING), status);
                Instant next = nextAttemptAt(claimed.id());
                waits.add(Duration.between(now, next).toMinutes());
                assertTrue(queue.claim(10, next.minusSeconds(1), RetryPolicy.CLAIM).isEmpty(), "not due before its time");
                now = next;
            } else {
                assertEquals(Optional.of(WriteBackStatus.FAILED), status);
            }
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), waits);
        WriteBackFailure failure = queue.overview(5).latestFailures().get(0);
        assertEquals(10, failure.attempts());
        assertEquals("Exact Online is unavailable (HTTP 503)", failure.lastError());
        assertTrue(queue.claim(10, now.plus(Duration.ofDays(1)), RetryPolicy.CLAIM).isEmpty(), "a FAILED one is not sent again");
    }

    @Test
    void aPermanentRefusalFailsAtOnceAndARetryPutsItBackWithFreshAttempts() throws SQLException {
        enqueueNotes(1, T0);
        WriteBack claimed = only(queue.claim(10, T0, RetryPolicy.CLAIM));
        assertEquals(Optional.of(WriteBackStatus.FAILED),
                queue.failed(claimed, "Exact Online answered HTTP 400: Account: the account does not exist", true, T0));

        WriteBackOverview overview = queue.overview(5);
        assertEquals(1, overview.count(WriteBackStatus.FAILED));
        assertEquals(0, overview.count(WriteBackStatus.PENDING));
        assertNull(overview.oldestPending());
        WriteBackFailure failure = overview.latestFailures().get(0);
        assertEquals("1000", failure.debtorCode());
        assertEquals("Bakkerij de Graaf", failure.debtorName());
        assertEquals("reminder:1", failure.source());
        assertTrue(failure.lastError().contains("does not exist"));

        Instant later = T0.plus(Duration.ofHours(3));
        assertEquals(claimed.id(), queue.retry(claimed.id(), later).orElseThrow().id());
        assertTrue(queue.retry(claimed.id(), later).isEmpty(), "only a FAILED one can be retried");
        assertEquals(T0, queue.overview(5).oldestPending(), "pending again, still known by when it was queued");
        WriteBack again = only(queue.claim(10, later, RetryPolicy.CLAIM));
        assertEquals(1, again.attempts(), "a fresh set of attempts");
        assertTrue(queue.done(again, UUID.randomUUID(), later));
        assertEquals(1, count("status = 'DONE' AND done_at IS NOT NULL AND exact_id IS NOT NULL"));
    }

    @Test
    void nothingIsLostWhenSendersDieFailOrGiveRowsBack() throws SQLException {
        enqueueNotes(30, T0);
        List<WriteBack> crashed = queue.claim(10, T0, RetryPolicy.CLAIM);
        List<WriteBack> failing = queue.claim(10, T0, RetryPolicy.CLAIM);
        List<WriteBack> working = queue.claim(10, T0, RetryPolicy.CLAIM);
        assertEquals(30, crashed.size() + failing.size() + working.size());

        // The first sender died holding its claim. The second met a 429 on its first row and gave the rest back.
        queue.failed(failing.get(0), "Exact Online's rate limit was reached", false, T0);
        failing.subList(1, failing.size()).forEach(w -> queue.release(w, T0));
        working.forEach(w -> assertTrue(queue.done(w, UUID.randomUUID(), T0)));

        List<WriteBack> released = queue.claim(100, T0, RetryPolicy.CLAIM);
        assertEquals(9, released.size(), "the rows given back, due at once");
        released.forEach(w -> assertEquals(1, w.attempts(), "a row given back untried is not counted"));
        released.forEach(w -> assertTrue(queue.done(w, UUID.randomUUID(), T0)));

        Instant afterClaim = T0.plus(RetryPolicy.CLAIM);
        List<WriteBack> rest = queue.claim(100, afterClaim, RetryPolicy.CLAIM);
        assertEquals(11, rest.size(), "the dead sender's rows when its claim ran out, and the one that met the 429");
        assertFalse(queue.done(crashed.get(0), UUID.randomUUID(), afterClaim),
                "a sender whose claim ran out cannot record over the one that took the row over");
        rest.forEach(w -> assertTrue(queue.done(w, UUID.randomUUID(), afterClaim)));

        assertEquals(30, count("status = 'DONE'"));
        assertEquals(30, queue.overview(5).count(WriteBackStatus.DONE));
    }

    private static Instant nextAttemptAt(long id) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT next_attempt_at FROM exact_writeback WHERE id = " + id)) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }
}

package nl.dunwise.exact.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nl.dunwise.exact.client.ExactApiException;
import nl.dunwise.exact.client.SyncEndpoint;
import nl.dunwise.exact.client.SyncPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fetching ahead: the next page is asked for while the current one is stored, and neither a failed write nor a
 * failed fetch leaves a call running after the pass or a page stored out of order.
 */
class EndpointPassTest {

    private final ExecutorService fetcher = Executors.newSingleThreadExecutor();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopFetcher() {
        fetcher.shutdownNow();
    }

    /** Pages "1", "2", "3" (a page's skiptoken is its number), each with one record. */
    private SyncPage page(String skiptoken) {
        int number = skiptoken == null ? 1 : Integer.parseInt(skiptoken) + 1;
        events.add("fetched " + number);
        JsonObject record = Json.createObjectBuilder().add("Page", number).build();
        return new SyncPage(List.of(record), number < 3 ? String.valueOf(number) : null);
    }

    private final class RecordingWriter extends SyncWriter {
        private final int failingPage;
        /** Storing page 1 waits for this. */
        private final CountDownLatch mayStoreFirst = new CountDownLatch(1);

        RecordingWriter(int failingPage) {
            super(null, Clock.systemUTC());
            this.failingPage = failingPage;
        }

        @Override
        public long start(int division, SyncEndpoint endpoint) {
            return 0;
        }

        @Override
        public int write(int division, String currency, SyncEndpoint endpoint, List<JsonObject> records) {
            int number = records.get(0).getInt("Page");
            if (number == 1) {
                await(mayStoreFirst);
            }
            if (number == failingPage) {
                throw new IllegalStateException("Cannot store a page");
            }
            events.add("stored " + number);
            return records.size();
        }
    }

    @Test
    void theNextPageIsFetchedWhileThePageBeforeIsStored() {
        RecordingWriter writer = new RecordingWriter(-1);
        // Page 1 is stored only once page 2 has been asked for: without fetching ahead the pass would wait forever.
        long rows = EndpointPass.run(writer, 1, "EUR", SyncEndpoint.ACCOUNTS, (after, skiptoken) -> {
            if ("1".equals(skiptoken)) {
                writer.mayStoreFirst.countDown();
            }
            return page(skiptoken);
        }, fetcher);

        assertEquals(3, rows);
        assertEquals(List.of("stored 1", "stored 2", "stored 3"), events.stream().filter(e -> e.startsWith("stored")).toList());
    }

    @Test
    void whenAPageCannotBeStoredThePageFetchedAheadIsDroppedAndNoCallOutlivesThePass() {
        RecordingWriter writer = new RecordingWriter(2);
        writer.mayStoreFirst.countDown();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EndpointPass.run(writer, 1, "EUR",
                SyncEndpoint.ACCOUNTS, (after, skiptoken) -> {
                    if ("2".equals(skiptoken)) {
                        pause();
                    }
                    return page(skiptoken);
                }, fetcher));

        assertEquals("Cannot store a page", e.getMessage());
        // Page 3, asked for while page 2 was being stored, answered before the pass ended, and was not stored.
        assertEquals(List.of("fetched 1", "fetched 2", "fetched 3", "stored 1"), events.stream().sorted().toList());
    }

    @Test
    void whenTheNextPageCannotBeFetchedThePageBeforeIsStoredAndTheCallersErrorIsExactsOwn() {
        ExactApiException refused = new ExactApiException(503, "Exact Online is unavailable");
        RecordingWriter writer = new RecordingWriter(-1);
        writer.mayStoreFirst.countDown();
        ExactApiException e = assertThrows(ExactApiException.class, () -> EndpointPass.run(writer, 1, "EUR",
                SyncEndpoint.ACCOUNTS, (after, skiptoken) -> {
                    if ("1".equals(skiptoken)) {
                        throw refused;
                    }
                    return page(skiptoken);
                }, fetcher));

        assertSame(refused, e);
        assertTrue(events.contains("stored 1"));
    }

    /** A slow answer: a pass that did not wait for it would end before it is recorded. */
    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "page 2 was not asked for while page 1 was being stored");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

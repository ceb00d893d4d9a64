package nl.dunwise.exact.sync;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import nl.dunwise.exact.client.SyncEndpoint;
import nl.dunwise.exact.client.SyncPage;

/**
 * One pass over a sync endpoint: from the Timestamp of the last committed page, page by page, each page
 * committed with its Timestamp. A pass that dies anywhere resumes after the last committed page. Plain Java
 * (with {@link SyncWriter}'s DataSource constructor), so that the sync benchmark runs this very pass against the
 * sandbox.
 *
 * <p>While a page is being stored, the next one is already being fetched on {@code fetcher}: a page needs only
 * the previous page's skiptoken, not its commit, and fetching and storing take about as long as each other, so
 * doing them side by side nearly halves an initial load. Still one call at a time (the next fetch starts only
 * when the previous one has answered), so the client's pacing by the rate-limit headers holds. Pages are
 * committed strictly in order; a page fetched ahead of a failed write is thrown away, and the pass waits for it
 * to finish so that no call runs after it ended.
 */
public final class EndpointPass {

    private EndpointPass() {
    }

    /** Where pages come from: Exact in production, a script in tests. */
    @FunctionalInterface
    public interface PageSource {
        SyncPage page(long afterTimestamp, String skiptoken);
    }

    /** Answers the rows stored. */
    public static long run(SyncWriter writer, int division, String divisionCurrency, SyncEndpoint endpoint,
            PageSource source, Executor fetcher) {
        long after = writer.start(division, endpoint);
        long rows = 0;
        SyncPage page = source.page(after, null);
        while (true) {
            String skiptoken = page.nextSkiptoken();
            CompletableFuture<SyncPage> next = skiptoken == null ? null
                    : CompletableFuture.supplyAsync(() -> source.page(after, skiptoken), fetcher);
            try {
                rows += writer.write(division, divisionCurrency, endpoint, page.records());
            } catch (RuntimeException e) {
                if (next != null) {
                    next.handle((ignored, failure) -> null).join();
                }
                throw e;
            }
            if (next == null) {
                return rows;
            }
            page = await(next);
        }
    }

    /** The fetch's own exception, as if the page had been asked for on this thread. */
    private static SyncPage await(CompletableFuture<SyncPage> next) {
        try {
            return next.join();
        } catch (CompletionException | CancellationException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}

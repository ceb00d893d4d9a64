package nl.dunwise.exact.sync;

import nl.dunwise.exact.client.SyncEndpoint;
import nl.dunwise.exact.client.SyncPage;

/**
 * One pass over a sync endpoint: from the Timestamp of the last committed page, page by page, each page
 * committed with its Timestamp before the next is asked for. A pass that dies anywhere resumes after the
 * last committed page. Plain Java (with {@link SyncWriter}'s DataSource constructor), so that the sync benchmark
 * runs this very pass against the sandbox.
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
    public static long run(SyncWriter writer, int division, String divisionCurrency, SyncEndpoint endpoint, PageSource source) {
        long after = writer.start(division, endpoint);
        long rows = 0;
        String skiptoken = null;
        do {
            SyncPage page = source.page(after, skiptoken);
            rows += writer.write(division, divisionCurrency, endpoint, page.records());
            skiptoken = page.nextSkiptoken();
        } while (skiptoken != null);
        return rows;
    }
}

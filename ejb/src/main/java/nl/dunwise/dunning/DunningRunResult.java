package nl.dunwise.dunning;

import java.time.Instant;

/**
 * What one dunning run did. {@code sendsFrom} is set when the run fell outside the send window: what it planned
 * goes out when the window opens then.
 */
public record DunningRunResult(int planned, int sent, int skipped, int failed, Instant sendsFrom) {

    static DunningRunResult waitingUntil(Instant opening) {
        return new DunningRunResult(0, 0, 0, 0, opening);
    }
}

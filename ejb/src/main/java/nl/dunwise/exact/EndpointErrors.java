package nl.dunwise.exact;

import java.time.Instant;

/**
 * The errors Exact answered on one endpoint of one division in the last hour, for the cockpit; {@code pausedUntil}
 * is set while Dunwise leaves the endpoint alone so that Exact does not block it.
 */
public record EndpointErrors(int division, String endpoint, int errors, Instant lastAt, int lastStatus,
        String lastMessage, Instant pausedUntil) {

    public boolean paused() {
        return pausedUntil != null;
    }

    /** How many errors Dunwise allows itself on an endpoint within an hour (Exact blocks at 10). */
    public int allowed() {
        return ExactEndpointErrors.STOP_AT;
    }
}

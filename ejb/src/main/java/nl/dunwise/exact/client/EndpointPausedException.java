package nl.dunwise.exact.client;

import java.time.Instant;

/**
 * Dunwise does not call this endpoint until {@link #until()}: it met so many errors there in the last hour that
 * another could make Exact block the app, or Exact has blocked it. Not a sign that Exact is down, and nothing
 * was sent: what was to be sent waits, untried.
 */
public class EndpointPausedException extends ExactApiException {

    private final transient ExactEndpoint endpoint;
    private final Instant until;

    public EndpointPausedException(ExactEndpoint endpoint, Instant until, String message) {
        super(429, message);
        this.endpoint = endpoint;
        this.until = until;
    }

    public ExactEndpoint endpoint() {
        return endpoint;
    }

    public Instant until() {
        return until;
    }

    @Override
    public boolean isOutage() {
        return false;
    }
}

package nl.dunwise.exact;

import java.time.Clock;
import nl.dunwise.exact.client.EndpointGuard;
import nl.dunwise.exact.client.EndpointPausedException;
import nl.dunwise.exact.client.ExactEndpoint;

/** The {@link EndpointGuard} of every client Dunwise makes: the shared error counts of {@link ExactEndpointErrors}. */
final class GuardedEndpoints implements EndpointGuard {

    private final ExactEndpointErrors errors;
    private final Clock clock;

    GuardedEndpoints(ExactEndpointErrors errors, Clock clock) {
        this.errors = errors;
        this.clock = clock;
    }

    @Override
    public void admit(ExactEndpoint endpoint) {
        errors.pausedUntil(endpoint, clock.instant()).ifPresent(until -> {
            throw new EndpointPausedException(endpoint, until, "Dunwise does not call Exact Online's " + endpoint.path()
                    + " in division " + endpoint.division() + " until " + until + ": it answered too many errors there "
                    + "within the last hour, and Exact blocks an app that goes on (at 10 errors an hour).");
        });
    }

    @Override
    public void refused(ExactEndpoint endpoint, int status, String message, boolean blocked) {
        errors.record(endpoint, status, message, blocked, clock.instant());
    }
}

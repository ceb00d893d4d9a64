package nl.dunwise.exact.client;

/**
 * Keeps Dunwise away from Exact's error block: Exact blocks an app on an endpoint for an hour after 10 errors
 * there within an hour, so the client asks before every call whether the endpoint may be called, and reports
 * every answer Exact counts as an error. The count lives where all servers see it (the database).
 */
public interface EndpointGuard {

    /** Calls everything and counts nothing: for clients that never reach Exact (tests). */
    EndpointGuard NONE = new EndpointGuard() {
        @Override
        public void admit(ExactEndpoint endpoint) {
        }

        @Override
        public void refused(ExactEndpoint endpoint, int status, String message, boolean blocked) {
        }
    };

    /** Throws {@link EndpointPausedException} when the endpoint must not be called now. */
    void admit(ExactEndpoint endpoint);

    /**
     * Exact answered a call with an error it counts ({@code blocked} false), or said the endpoint is blocked
     * already ({@code blocked} true).
     */
    void refused(ExactEndpoint endpoint, int status, String message, boolean blocked);
}

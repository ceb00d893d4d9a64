package nl.dunwise.exact.client;

/** A call to Exact Online failed; {@link #status()} is the HTTP status, or 0 when no answer came. */
public class ExactApiException extends RuntimeException {

    private final int status;

    public ExactApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public ExactApiException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Exact refused the access token: refresh once, then give up. */
    public boolean isUnauthorized() {
        return status == 401;
    }

    /** Exact itself is in trouble (no answer, 408, 429, 5xx, a proxy's page) rather than refusing this request. */
    public boolean isOutage() {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }

    /**
     * Exact refused the request itself (400, 403, 404, ...): sending it again changes nothing, and Exact blocks
     * an app after 10 such errors per endpoint per hour. 401 (refresh the token), 408 and 429 are not.
     */
    public boolean isPermanent() {
        return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
    }
}

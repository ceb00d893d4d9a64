package nl.dunwise.sandbox.sms;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pending faults of the SMS gateway: each count is a number of next {@code POST messages} calls that answer
 * 500 (server errors first) or 429. In memory, for the test that sets them.
 */
@ApplicationScoped
public class SmsFaults {

    public enum Fault { NONE, SERVER_ERROR, TOO_MANY_REQUESTS }

    private int serverErrors;
    private int tooManyRequests;

    public synchronized Fault next() {
        if (serverErrors > 0) {
            serverErrors--;
            return Fault.SERVER_ERROR;
        }
        if (tooManyRequests > 0) {
            tooManyRequests--;
            return Fault.TOO_MANY_REQUESTS;
        }
        return Fault.NONE;
    }

    public synchronized void set(Integer serverErrors, Integer tooManyRequests) {
        if (serverErrors != null && serverErrors < 0 || tooManyRequests != null && tooManyRequests < 0) {
            throw new IllegalArgumentException("a count must not be negative");
        }
        if (serverErrors != null) {
            this.serverErrors = serverErrors;
        }
        if (tooManyRequests != null) {
            this.tooManyRequests = tooManyRequests;
        }
    }

    public synchronized int serverErrors() {
        return serverErrors;
    }

    public synchronized int tooManyRequests() {
        return tooManyRequests;
    }
}

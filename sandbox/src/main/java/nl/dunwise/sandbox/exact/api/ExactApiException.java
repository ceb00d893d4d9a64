package nl.dunwise.sandbox.exact.api;

import jakarta.ejb.ApplicationException;

/** An API error to answer with this status and Exact's error body. */
@ApplicationException(rollback = true)
public class ExactApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public ExactApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

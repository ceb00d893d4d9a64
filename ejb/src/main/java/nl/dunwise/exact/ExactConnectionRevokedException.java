package nl.dunwise.exact;

import jakarta.ejb.ApplicationException;

/**
 * Exact refused the stored authorization. An application exception that does not roll back, so the
 * connection's REVOKED status is committed and the cockpit can offer to reconnect.
 */
@ApplicationException(rollback = false)
public class ExactConnectionRevokedException extends RuntimeException {

    public ExactConnectionRevokedException(String message) {
        super(message);
    }
}

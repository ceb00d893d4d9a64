package nl.dunwise.sandbox.exact.oauth;

import jakarta.ejb.ApplicationException;

/**
 * An OAuth error as the token endpoint answers it: {@code {"error": .., "error_description": ..}},
 * 400 unless stated otherwise. An application exception so that it leaves the EJBs unwrapped; it rolls
 * back, so a refused request never half-consumes a code or token.
 */
@ApplicationException(rollback = true)
public class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final int status;

    public OAuthException(String error, String description) {
        this(400, error, description);
    }

    public OAuthException(int status, String error, String description) {
        super(description);
        this.error = error;
        this.status = status;
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException("invalid_grant", description);
    }
}

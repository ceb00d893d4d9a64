package nl.dunwise.exact;

public enum ConnectionStatus {
    /** Tokens are valid or can be refreshed. */
    CONNECTED,
    /** Exact refused the refresh token: a person has to log in to Exact again. */
    REVOKED,
    /** A credit manager disconnected; the tokens are wiped. */
    DISCONNECTED
}

package nl.dunwise.exact.client;

/** Exact refused a code or refresh token (expired, reused or revoked): a person has to log in again. */
public class InvalidGrantException extends ExactApiException {

    public InvalidGrantException(String message) {
        super(400, message);
    }
}

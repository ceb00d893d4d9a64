package nl.dunwise.dunning.channel;

/**
 * The SMS gateway did not take a message. {@link #status()} is the HTTP status, 0 when no answer came or
 * Dunwise is not configured to send SMS at all.
 */
public class SmsGatewayException extends RuntimeException {

    private final int status;

    public SmsGatewayException(int status, String message) {
        super(message);
        this.status = status;
    }

    public SmsGatewayException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /**
     * The gateway refused this message itself (422: bad number, body or sender): sending it again gives the
     * same answer. A refused key (401), 429 and 5xx are about the gateway or our account, not the message.
     */
    public boolean isAboutTheMessage() {
        return status == 400 || status == 422;
    }
}

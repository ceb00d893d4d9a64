package nl.dunwise.dunning.bounce;

/** A mail that says it is a delivery report but cannot be read as one; it stays in the mailbox for a person. */
public class MalformedReportException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedReportException(String message) {
        super(message);
    }

    public MalformedReportException(String message, Throwable cause) {
        super(message, cause);
    }
}

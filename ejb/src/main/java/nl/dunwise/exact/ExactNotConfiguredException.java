package nl.dunwise.exact;

/** A setting needed to talk to Exact Online is missing or wrong; the message says which and what to do. */
public class ExactNotConfiguredException extends RuntimeException {

    public ExactNotConfiguredException(String message) {
        super(message);
    }
}

package nl.dunwise.platform;

/**
 * Operator-facing failures are logged as one plain sentence behind a fixed marker, so that
 * {@code ./dunwise} can find the sentence in server.log and show it instead of a stack trace.
 */
public final class PlainFailure {

    public static final String MARKER = "DUNWISE: ";

    private PlainFailure() {
    }

    public static String prefix(String sentence) {
        return MARKER + sentence;
    }
}

package nl.dunwise.exact.client;

/**
 * Exact answered a download with something Dunwise will not pass on: not a PDF, or larger than allowed.
 * Asking again gives the same answer, so the file is not fetched again until Exact changes it.
 */
public class RefusedFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RefusedFileException(String message) {
        super(message);
    }
}

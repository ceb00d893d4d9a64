package nl.dunwise.sandbox.exact.odata;

/**
 * A query the client got wrong. Always answered as 400 in Exact's error shape, because that is what a
 * client must learn to treat as "my bug, do not retry".
 */
public class ODataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ODataException(String message) {
        super(message);
    }
}

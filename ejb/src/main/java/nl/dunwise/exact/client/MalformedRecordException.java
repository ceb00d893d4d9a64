package nl.dunwise.exact.client;

/** Exact answered with data of an unexpected shape; nothing of that answer is stored. */
public class MalformedRecordException extends ExactApiException {

    public MalformedRecordException(String detail) {
        super(200, "Exact Online sent data Dunwise cannot read: " + detail);
    }
}

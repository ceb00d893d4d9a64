package nl.dunwise.exact.client;

/**
 * An HTML page came back where Exact's API answers JSON: a proxy, load balancer or maintenance page in front of
 * Exact, not Exact judging the request. Transient, like a 5xx: tried again later, never stored or parsed.
 */
public class ProxyPageException extends ExactApiException {

    public ProxyPageException(int status, String message) {
        super(status, message);
    }

    @Override
    public boolean isOutage() {
        return true;
    }
}

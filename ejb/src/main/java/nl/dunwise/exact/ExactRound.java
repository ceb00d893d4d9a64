package nl.dunwise.exact;

import nl.dunwise.exact.client.ExactApiException;
import nl.dunwise.exact.client.RateLimit;

/**
 * What one round of calls to Exact (a sync or a write-back run) showed about Exact's health: whether Exact
 * answered at all, the failure that shows it is unreachable or overloaded, and the last rate-limit headers.
 */
public record ExactRound(boolean answered, String outage, RateLimit rateLimit) {

    public static ExactRound answered(RateLimit rateLimit) {
        return new ExactRound(true, null, rateLimit);
    }

    public static ExactRound unreachable(String outage, RateLimit rateLimit) {
        return new ExactRound(false, outage, rateLimit);
    }

    public static ExactRound untried() {
        return new ExactRound(false, null, null);
    }

    /**
     * The message of an Exact failure in the cause chain that says Exact itself is in trouble (no answer,
     * 408, 429, 5xx, a proxy's HTML page) rather than refusing or garbling one request, or Dunwise holding back
     * (an endpoint paused for its errors, the call reserve); null otherwise. The container may wrap it
     * in an EJBException.
     */
    public static String outageIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ExactApiException x) {
                return x.isOutage() ? x.getMessage() : null;
            }
        }
        return null;
    }
}

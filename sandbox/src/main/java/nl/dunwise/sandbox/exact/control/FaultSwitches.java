package nl.dunwise.sandbox.exact.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Pending faults for the next {@code /api/v1} calls. Each switch is a count of calls it still
 * affects; one call takes at most one fault, in the order server error, HTML page, 429, malformed JSON, slow.
 * Held in memory: faults are for the test that sets them and should not outlive a restart.
 */
@ApplicationScoped
public class FaultSwitches {

    public enum Kind { NONE, SERVER_ERROR, HTML_PAGE, TOO_MANY_REQUESTS, MALFORMED_JSON, SLOW }

    /** The fault for one call; {@code delayMillis} only for {@link Kind#SLOW}, {@code status} only for {@link Kind#HTML_PAGE}. */
    public record Fault(Kind kind, long delayMillis, int status) {
        static final Fault NONE = new Fault(Kind.NONE, 0, 0);

        static Fault of(Kind kind) {
            return new Fault(kind, 0, 0);
        }
    }

    /** What is still pending. */
    public record Pending(int serverErrors, int tooManyRequests, int malformedJson, int slowCalls, long slowMillis,
                          int htmlPages, int htmlStatus) {
    }

    /** The longest delay accepted; longer would only tie up server threads past any client timeout. */
    public static final long MAX_DELAY_MILLIS = 300_000;

    /**
     * What a proxy or load balancer in front of Exact answers with an HTML page: 502, 503 and 504 when Exact
     * behind it fails, and 200 for a maintenance page served in place of the API.
     */
    public static final Set<Integer> HTML_STATUSES = Set.of(200, 502, 503, 504);

    private int serverErrors;
    private int tooManyRequests;
    private int malformedJson;
    private int slowCalls;
    private long slowMillis;
    private int htmlPages;
    private int htmlStatus = 502;

    /** Takes the fault for the next call, if any. */
    public synchronized Fault next() {
        if (serverErrors > 0) {
            serverErrors--;
            return Fault.of(Kind.SERVER_ERROR);
        }
        if (htmlPages > 0) {
            htmlPages--;
            return new Fault(Kind.HTML_PAGE, 0, htmlStatus);
        }
        if (tooManyRequests > 0) {
            tooManyRequests--;
            return Fault.of(Kind.TOO_MANY_REQUESTS);
        }
        if (malformedJson > 0) {
            malformedJson--;
            return Fault.of(Kind.MALFORMED_JSON);
        }
        if (slowCalls > 0) {
            slowCalls--;
            return new Fault(Kind.SLOW, slowMillis, 0);
        }
        return Fault.NONE;
    }

    public synchronized void serverErrors(int count) {
        serverErrors = nonNegative(count);
    }

    public synchronized void tooManyRequests(int count) {
        tooManyRequests = nonNegative(count);
    }

    public synchronized void malformedJson(int count) {
        malformedJson = nonNegative(count);
    }

    public synchronized void slow(int count, long millis) {
        if (millis < 0 || millis > MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException("slow.millis must be 0.." + MAX_DELAY_MILLIS);
        }
        slowCalls = nonNegative(count);
        slowMillis = millis;
    }

    public synchronized void htmlPages(int count, int status) {
        if (!HTML_STATUSES.contains(status)) {
            throw new IllegalArgumentException("htmlPages.status must be one of " + HTML_STATUSES);
        }
        htmlPages = nonNegative(count);
        htmlStatus = status;
    }

    public synchronized void clear() {
        serverErrors = 0;
        tooManyRequests = 0;
        malformedJson = 0;
        slowCalls = 0;
        slowMillis = 0;
        htmlPages = 0;
        htmlStatus = 502;
    }

    public synchronized Pending pending() {
        return new Pending(serverErrors, tooManyRequests, malformedJson, slowCalls, slowMillis, htmlPages, htmlStatus);
    }

    private static int nonNegative(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count must not be negative");
        }
        return count;
    }
}

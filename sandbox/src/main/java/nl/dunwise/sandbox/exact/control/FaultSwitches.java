package nl.dunwise.sandbox.exact.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pending faults for the next {@code /api/v1} calls. Each switch is a count of calls it still
 * affects; one call takes at most one fault, in the order server error, 429, malformed JSON, slow.
 * Held in memory: faults are for the test that sets them and should not outlive a restart.
 */
@ApplicationScoped
public class FaultSwitches {

    public enum Kind { NONE, SERVER_ERROR, TOO_MANY_REQUESTS, MALFORMED_JSON, SLOW }

    /** The fault for one call; {@code delayMillis} only for {@link Kind#SLOW}. */
    public record Fault(Kind kind, long delayMillis) {
        static final Fault NONE = new Fault(Kind.NONE, 0);
    }

    /** What is still pending. */
    public record Pending(int serverErrors, int tooManyRequests, int malformedJson, int slowCalls, long slowMillis) {
    }

    /** The longest delay accepted; longer would only tie up server threads past any client timeout. */
    public static final long MAX_DELAY_MILLIS = 300_000;

    private int serverErrors;
    private int tooManyRequests;
    private int malformedJson;
    private int slowCalls;
    private long slowMillis;

    /** Takes the fault for the next call, if any. */
    public synchronized Fault next() {
        if (serverErrors > 0) {
            serverErrors--;
            return new Fault(Kind.SERVER_ERROR, 0);
        }
        if (tooManyRequests > 0) {
            tooManyRequests--;
            return new Fault(Kind.TOO_MANY_REQUESTS, 0);
        }
        if (malformedJson > 0) {
            malformedJson--;
            return new Fault(Kind.MALFORMED_JSON, 0);
        }
        if (slowCalls > 0) {
            slowCalls--;
            return new Fault(Kind.SLOW, slowMillis);
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

    public synchronized void clear() {
        serverErrors = 0;
        tooManyRequests = 0;
        malformedJson = 0;
        slowCalls = 0;
        slowMillis = 0;
    }

    public synchronized Pending pending() {
        return new Pending(serverErrors, tooManyRequests, malformedJson, slowCalls, slowMillis);
    }

    private static int nonNegative(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count must not be negative");
        }
        return count;
    }
}

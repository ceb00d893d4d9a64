package nl.dunwise.sandbox.exact.control;

import java.util.Set;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The body of {@code POST /api/sandbox/faults}, validated as a whole before anything is switched, so
 * a request with a typo changes nothing instead of half of what the test meant.
 *
 * <pre>{"tooManyRequests": 3, "serverErrors": 2, "malformedJson": 1, "slow": {"count": 2, "millis": 5000},
 *  "htmlPages": {"count": 2, "status": 502}, "revokeTokens": true, "resetRateLimits": true, "clear": true}</pre>
 * Counts replace what is pending; {@code clear} runs first. {@code resetRateLimits} also lifts the blocks of
 * the error limit.
 */
public record FaultRequest(boolean clear, Integer tooManyRequests, Integer serverErrors, Integer malformedJson,
                           Integer slowCount, Long slowMillis, Integer htmlCount, Integer htmlStatus,
                           boolean revokeTokens, boolean resetRateLimits) {

    static final Set<String> KEYS = Set.of("clear", "tooManyRequests", "serverErrors", "malformedJson", "slow",
            "htmlPages", "revokeTokens", "resetRateLimits");

    public static FaultRequest parse(JsonObject o) {
        for (String key : o.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown switch '" + key + "'; known: " + KEYS);
            }
        }
        Integer slowCount = null;
        Long slowMillis = null;
        if (o.containsKey("slow")) {
            JsonValue v = o.get("slow");
            if (!(v instanceof JsonObject slow) || !slow.keySet().equals(Set.of("count", "millis"))) {
                throw new IllegalArgumentException("slow must be {\"count\": n, \"millis\": ms}");
            }
            slowCount = count(slow, "count");
            slowMillis = (long) count(slow, "millis");
            if (slowMillis > FaultSwitches.MAX_DELAY_MILLIS) {
                throw new IllegalArgumentException("slow.millis must be at most " + FaultSwitches.MAX_DELAY_MILLIS);
            }
        }
        Integer htmlCount = null;
        Integer htmlStatus = null;
        if (o.containsKey("htmlPages")) {
            JsonValue v = o.get("htmlPages");
            if (!(v instanceof JsonObject html) || !html.keySet().equals(Set.of("count", "status"))) {
                throw new IllegalArgumentException("htmlPages must be {\"count\": n, \"status\": 200|502|503|504}");
            }
            htmlCount = count(html, "count");
            htmlStatus = count(html, "status");
            if (!FaultSwitches.HTML_STATUSES.contains(htmlStatus)) {
                throw new IllegalArgumentException("htmlPages.status must be one of " + FaultSwitches.HTML_STATUSES);
            }
        }
        return new FaultRequest(flag(o, "clear"), optCount(o, "tooManyRequests"), optCount(o, "serverErrors"),
                optCount(o, "malformedJson"), slowCount, slowMillis, htmlCount, htmlStatus, flag(o, "revokeTokens"),
                flag(o, "resetRateLimits"));
    }

    /** Applies the fault switches (token revocation and limiter reset are done by the caller). */
    public void applyTo(FaultSwitches f) {
        if (clear) {
            f.clear();
        }
        if (tooManyRequests != null) {
            f.tooManyRequests(tooManyRequests);
        }
        if (serverErrors != null) {
            f.serverErrors(serverErrors);
        }
        if (malformedJson != null) {
            f.malformedJson(malformedJson);
        }
        if (slowCount != null) {
            f.slow(slowCount, slowMillis);
        }
        if (htmlCount != null) {
            f.htmlPages(htmlCount, htmlStatus);
        }
    }

    private static boolean flag(JsonObject o, String key) {
        if (!o.containsKey(key)) {
            return false;
        }
        JsonValue v = o.get(key);
        if (v == JsonValue.TRUE) {
            return true;
        }
        if (v == JsonValue.FALSE) {
            return false;
        }
        throw new IllegalArgumentException(key + " must be true or false");
    }

    private static Integer optCount(JsonObject o, String key) {
        return o.containsKey(key) ? count(o, key) : null;
    }

    private static int count(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0 || n.longValue() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be a non-negative whole number");
        }
        return n.intValue();
    }
}

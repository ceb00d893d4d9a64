package nl.dunwise.sandbox.exact.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

import nl.dunwise.sandbox.exact.control.FaultSwitches.Kind;

class FaultSwitchesTest {

    private final FaultSwitches faults = new FaultSwitches();

    private static FaultRequest parse(String json) {
        return FaultRequest.parse(Json.createReader(new StringReader(json)).readObject());
    }

    @Test
    void burstsAreConsumedOneCallAtATimeInPriorityOrder() {
        faults.tooManyRequests(2);
        faults.serverErrors(1);
        faults.slow(1, 250);
        assertEquals(Kind.SERVER_ERROR, faults.next().kind());
        assertEquals(Kind.TOO_MANY_REQUESTS, faults.next().kind());
        assertEquals(Kind.TOO_MANY_REQUESTS, faults.next().kind());
        FaultSwitches.Fault slow = faults.next();
        assertEquals(Kind.SLOW, slow.kind());
        assertEquals(250, slow.delayMillis());
        assertEquals(Kind.NONE, faults.next().kind());
    }

    @Test
    void requestReplacesCountsAndClearsFirst() {
        faults.malformedJson(5);
        parse("{\"clear\": true, \"tooManyRequests\": 3, \"serverErrors\": 2, \"slow\": {\"count\": 1, \"millis\": 10}}")
                .applyTo(faults);
        FaultSwitches.Pending p = faults.pending();
        assertEquals(new FaultSwitches.Pending(2, 3, 0, 1, 10, 0, 502), p);
    }

    @Test
    void htmlPagesComeAfterServerErrorsWithTheirStatus() {
        parse("{\"serverErrors\": 1, \"htmlPages\": {\"count\": 2, \"status\": 503}, \"tooManyRequests\": 1}")
                .applyTo(faults);
        assertEquals(Kind.SERVER_ERROR, faults.next().kind());
        FaultSwitches.Fault html = faults.next();
        assertEquals(Kind.HTML_PAGE, html.kind());
        assertEquals(503, html.status());
        assertEquals(Kind.HTML_PAGE, faults.next().kind());
        assertEquals(Kind.TOO_MANY_REQUESTS, faults.next().kind());
        assertEquals(Kind.NONE, faults.next().kind());
    }

    @Test
    void aMaintenancePageMayComeWithA200() {
        parse("{\"htmlPages\": {\"count\": 1, \"status\": 200}}").applyTo(faults);
        assertEquals(new FaultSwitches.Fault(Kind.HTML_PAGE, 0, 200), faults.next());
    }

    @Test
    void requestFlags() {
        FaultRequest r = parse("{\"revokeTokens\": true, \"resetRateLimits\": false}");
        assertTrue(r.revokeTokens());
        assertFalse(r.resetRateLimits());
        assertFalse(r.clear());
    }

    @Test
    void badRequestsChangeNothing() {
        assertThrows(IllegalArgumentException.class, () -> parse("{\"toManyRequests\": 3}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"serverErrors\": -1}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"serverErrors\": 1.5}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"serverErrors\": \"2\"}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"revokeTokens\": 1}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"slow\": {\"count\": 1}}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"slow\": {\"count\": 1, \"millis\": 999999}}"));
        assertThrows(IllegalArgumentException.class, () -> faults.slow(1, -1));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"htmlPages\": {\"count\": 1, \"status\": 404}}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"htmlPages\": 3}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"htmlPages\": {\"count\": 1}}"));
        assertThrows(IllegalArgumentException.class, () -> faults.htmlPages(1, 500));
    }
}

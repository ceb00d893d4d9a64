package nl.dunwise.dunning.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import nl.dunwise.exact.client.ScriptedResponse;
import org.junit.jupiter.api.Test;

/** How the client meets each answer MessageBird's SMS API can give, with the waits counted instead of slept. */
class SmsGatewayTest {

    private static final PhoneNumber TO = new PhoneNumber("+31612345678");
    private static final String CREATED = """
            {"id":"49e40bae0b374f1ca5e3d04d46edc7c1","href":"https://rest.messagebird.com/messages/49e40bae0b374f1ca5e3d04d46edc7c1",
             "direction":"mt","type":"sms","originator":"Dunwise","body":"Pay","reference":"reminder-7",
             "recipients":{"totalCount":1,"totalSentCount":1,"items":[{"recipient":31612345678,"status":"sent"}]}}""";

    private final Deque<Supplier<Response>> answers = new ArrayDeque<>();
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();

    private SmsGateway gateway() {
        return new SmsGateway((authorization, body) -> {
            authorizations.add(authorization);
            bodies.add(body);
            return answers.removeFirst().get();
        }, "test-key", waits::add);
    }

    private void answer(int status, String body) {
        answers.add(() -> new ScriptedResponse(status, body));
    }

    @Test
    void aMessageGoesOutWithTheAccessKeyTheNumberAndOurReference() {
        answer(201, CREATED);
        SmsReceipt receipt = gateway().send("Dunwise", TO, "Pay now", "reminder-7");
        assertEquals(new SmsReceipt("49e40bae0b374f1ca5e3d04d46edc7c1", "sent"), receipt);
        assertEquals(List.of("AccessKey test-key"), authorizations);
        JsonObject sent = Json.createReader(new StringReader(bodies.get(0))).readObject();
        assertEquals("Dunwise", sent.getString("originator"));
        assertEquals("31612345678", sent.getJsonArray("recipients").getString(0));
        assertEquals("Pay now", sent.getString("body"));
        assertEquals("reminder-7", sent.getString("reference"));
    }

    @Test
    void aRefusedKeyIsNotRetriedAndNamesTheVariable() {
        answer(401, "{\"errors\":[{\"code\":2,\"description\":\"Request not allowed (incorrect access_key)\",\"parameter\":\"access_key\"}]}");
        SmsGatewayException e = assertThrows(SmsGatewayException.class, () -> gateway().send("Dunwise", TO, "x", "r"));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("incorrect access_key") && e.getMessage().contains("DUNWISE_SMS_API_KEY"), e.getMessage());
        assertFalse(e.isAboutTheMessage());
        assertEquals(1, bodies.size());
    }

    @Test
    void aRefusedMessageSaysWhichParameterAndIsNotRetried() {
        answer(422, "{\"errors\":[{\"code\":9,\"description\":\"no (correct) recipients found\",\"parameter\":\"recipients\"}]}");
        SmsGatewayException e = assertThrows(SmsGatewayException.class, () -> gateway().send("Dunwise", TO, "x", "r"));
        assertTrue(e.isAboutTheMessage());
        assertTrue(e.getMessage().contains("no (correct) recipients found (recipients)"), e.getMessage());
        assertEquals(1, bodies.size());
    }

    @Test
    void serverErrorsAreRetriedWithGrowingWaits() {
        answer(500, "<html><body>Internal error</body></html>");
        answer(503, "{\"errors\":[{\"code\":99,\"description\":\"Internal error\",\"parameter\":null}]}");
        answer(201, CREATED);
        assertEquals("sent", gateway().send("Dunwise", TO, "x", "r").status());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), waits);
    }

    @Test
    void aGatewayThatStaysDownFailsWithItsLastAnswer() {
        for (int i = 0; i < 3; i++) {
            answer(502, "Bad gateway");
        }
        SmsGatewayException e = assertThrows(SmsGatewayException.class, () -> gateway().send("Dunwise", TO, "x", "r"));
        assertEquals(502, e.status());
        assertTrue(e.getMessage().contains("unavailable"), e.getMessage());
        assertEquals(3, bodies.size());
    }

    @Test
    void aRateLimitWaitsForRetryAfterButNoLongerThanTenSeconds() {
        answers.add(() -> new ScriptedResponse(429, "{\"errors\":[{\"code\":429,\"description\":\"Too many requests\"}]}")
                .header("Retry-After", 2));
        answers.add(() -> new ScriptedResponse(429, "").header("Retry-After", 3600));
        answer(201, CREATED);
        gateway().send("Dunwise", TO, "x", "r");
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(10)), waits);
    }

    @Test
    void aTimeOutIsRetried() {
        answers.add(() -> {
            throw new ProcessingException(new SocketTimeoutException("Read timed out"));
        });
        answer(201, CREATED);
        assertEquals("49e40bae0b374f1ca5e3d04d46edc7c1", gateway().send("Dunwise", TO, "x", "r").id());
        assertEquals(1, waits.size());
    }

    @Test
    void anAnswerWithoutAnIdIsNoProofOfSending() {
        answer(201, "{\"recipients\":{}}");
        assertThrows(SmsGatewayException.class, () -> gateway().send("Dunwise", TO, "x", "r"));
        answer(201, "{\"id\":");
        SmsGatewayException e = assertThrows(SmsGatewayException.class, () -> gateway().send("Dunwise", TO, "x", "r"));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }
}

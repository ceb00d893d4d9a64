package nl.dunwise.exact.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How the client meets each way Exact Online can fail, with the waits counted instead of slept. */
class ExactClientTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String PAGE = "{\"d\":{\"results\":[{\"ID\":\"5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\"}]}}";
    private static final String ME = "{\"d\":{\"results\":[{\"UserID\":\"5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"CurrentDivision\":3124567}]}}";

    private final Deque<Supplier<Response>> answers = new ArrayDeque<>();
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> sentBodies = new ArrayList<>();
    private int calls;

    private ExactClient client() {
        ExactApi api = new ExactApi() {
            @Override
            public Response token(Form form) {
                return next();
            }

            @Override
            public Response me(String authorization, String select) {
                return next();
            }

            @Override
            public Response divisions(String authorization, int division, String select) {
                return next();
            }

            @Override
            public Response sync(String authorization, int division, String service, String entity, String filter,
                    String select, String skiptoken) {
                return next();
            }

            @Override
            public Response webhookSubscriptions(String authorization, int division, String select) {
                return next();
            }

            @Override
            public Response subscribeWebhook(String authorization, int division, String body) {
                sentBodies.add(body);
                return next();
            }
        };
        return new ExactClient(api, Clock.fixed(NOW, ZoneOffset.UTC), waits::add);
    }

    private Response next() {
        calls++;
        return answers.removeFirst().get();
    }

    private void answer(Response response) {
        answers.add(() -> response);
    }

    @Test
    void a429WaitsForTheMinutelyResetAndThenSucceeds() {
        answer(new ScriptedResponse(429, "{\"error\":{\"message\":{\"value\":\"Too many\"}}}")
                .limits(4000, 0, NOW.plusSeconds(20).toEpochMilli()));
        answer(new ScriptedResponse(200, PAGE).limits(3999, 59, NOW.plusSeconds(60).toEpochMilli()));
        SyncPage page = client().syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null);
        assertEquals(1, page.records().size());
        assertEquals(2, calls);
        assertTrue(waits.get(0).compareTo(Duration.ofSeconds(20)) >= 0 && waits.get(0).compareTo(Duration.ofSeconds(21)) < 0,
                "waited until the reset: " + waits);
    }

    @Test
    void theLastCallOfAMinuteIsSpentOnlyAfterTheReset() {
        ExactClient client = client();
        answer(new ScriptedResponse(200, PAGE).limits(4000, 0, NOW.plusSeconds(30).toEpochMilli()));
        answer(new ScriptedResponse(200, PAGE).limits(3999, 59, NOW.plusSeconds(90).toEpochMilli()));
        client.syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null);
        assertTrue(waits.isEmpty());
        client.syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null);
        assertEquals(1, waits.size(), "paced before the second call, so no 429 was provoked");
    }

    @Test
    void aUsedUpDailyLimitIsReportedAtOnceInsteadOfRetried() {
        answer(new ScriptedResponse(429, "{}").limits(0, 10, NOW.plusSeconds(20).toEpochMilli()));
        ExactApiException e = assertThrows(ExactApiException.class, () -> client().syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null));
        assertEquals(429, e.status());
        assertTrue(e.getMessage().contains("daily"), e.getMessage());
        assertEquals(1, calls);
    }

    @Test
    void serverErrorsAndTimeoutsBackOffAndRecover() {
        answer(new ScriptedResponse(503, "<html><body><h1>Service Unavailable</h1></body></html>"));
        answers.add(() -> {
            throw new ProcessingException(new java.net.SocketTimeoutException("Read timed out"));
        });
        answer(new ScriptedResponse(500, "{\"error\":{\"message\":{\"value\":\"Internal\"}}}"));
        answer(new ScriptedResponse(200, PAGE));
        assertEquals(1, client().syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null).records().size());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000)), waits);
    }

    @Test
    void persistentServerErrorsGiveUpAfterFourAttempts() {
        for (int i = 0; i < 4; i++) {
            answer(new ScriptedResponse(502, "<html>Bad Gateway</html>"));
        }
        ExactApiException e = assertThrows(ExactApiException.class, () -> client().syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null));
        assertEquals(502, e.status());
        assertEquals(4, calls);
    }

    @Test
    void malformedJsonIsRefusedNotRetried() {
        answer(new ScriptedResponse(200, "{\"d\":{\"results\":[{\"ID\":"));
        assertThrows(MalformedRecordException.class, () -> client().syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null));
        assertEquals(1, calls);
    }

    @Test
    void a401IsHandedBackForOneRefreshWithoutRetryingBlindly() {
        answer(new ScriptedResponse(401, "{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\",\"value\":\"Access token expired\"}}}"));
        ExactApiException e = assertThrows(ExactApiException.class, () -> client().me("expired"));
        assertTrue(e.isUnauthorized());
        assertTrue(e.getMessage().contains("Access token expired"), e.getMessage());
        assertEquals(1, calls, "4xx are never retried: Exact blocks apps that repeat errors");
    }

    @Test
    void aReusedOrRevokedRefreshTokenIsAnInvalidGrant() {
        answer(new ScriptedResponse(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token has already been used\"}"));
        ExactApiException e = assertThrows(ExactApiException.class, () -> client().refresh("old", "id", "secret"));
        assertInstanceOf(InvalidGrantException.class, e);
        assertTrue(e.getMessage().contains("already been used"), e.getMessage());
    }

    @Test
    void aTokenAnswerReadsExpiresInAsText() {
        answer(new ScriptedResponse(200, "{\"access_token\":\"a\",\"token_type\":\"bearer\",\"expires_in\":\"600\",\"refresh_token\":\"r\"}"));
        TokenGrant grant = client().exchangeCode("code", "https://x/cb", "id", "secret");
        assertEquals(Duration.ofMinutes(10), grant.expiresIn());
        assertEquals("r", grant.refreshToken());
    }

    @Test
    void theCurrentUserComesFromTheResultsList() {
        answer(new ScriptedResponse(200, ME));
        assertEquals(3124567, client().me("t").getInt("CurrentDivision"));
    }

    @Test
    void subscribingToAWebhookPostsTopicAndCallbackAndReadsTheCreatedRecord() {
        answer(new ScriptedResponse(201, "{\"d\":{\"ID\":\"5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Topic\":\"Accounts\"}}"));
        var created = client().subscribeWebhook("t", 3124567, "https://dunwise.example/dunwise/hooks/exact", "Accounts");
        assertEquals("5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11", created.getString("ID"));
        assertEquals(List.of("{\"CallbackURL\":\"https://dunwise.example/dunwise/hooks/exact\",\"Topic\":\"Accounts\"}"),
                sentBodies);
    }

    @Test
    void aRefusedWebhookSubscriptionSaysWhyInExactsWords() {
        answer(new ScriptedResponse(400, "{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\",\"value\":"
                + "\"CallbackURL: the validation request failed\"}}}"));
        ExactApiException e = assertThrows(ExactApiException.class,
                () -> client().subscribeWebhook("t", 3124567, "https://x/hooks/exact", "Accounts"));
        assertEquals("Exact Online answered HTTP 400: CallbackURL: the validation request failed", e.getMessage());
        assertEquals(1, calls, "a refusal is not retried");
    }
}

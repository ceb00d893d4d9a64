package nl.dunwise.exact.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How the client meets each way Exact Online can fail, with the waits counted instead of slept. */
class ExactClientTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String PAGE = "{\"d\":{\"results\":[{\"ID\":\"5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\"}]}}";
    private static final String ME = "{\"d\":{\"results\":[{\"UserID\":\"5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"CurrentDivision\":3124567}]}}";

    private final Deque<Supplier<Response>> answers = new ArrayDeque<>();
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private final List<String> requested = new ArrayList<>();
    private final List<String> sentBodies = new ArrayList<>();
    private int calls;

    private ExactClient client() {
        return client(EndpointGuard.NONE, CallBudget.unreserved(CallPurpose.INTERACTIVE));
    }

    private ExactClient client(EndpointGuard guard, CallBudget budget) {
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
                requested.add("sync/" + service + "/" + entity + "?" + filter + "&" + select);
                return next();
            }

            @Override
            public Response syncDeleted(String authorization, int division, String filter, String select,
                    String skiptoken) {
                requested.add("sync/Deleted?" + filter + "&" + select);
                return next();
            }

            @Override
            public Response createCommunicationNote(String authorization, int division, String body) {
                sent.add("POST " + division + " " + body);
                return next();
            }

            @Override
            public Response updateAccount(String authorization, int division, String id, String body) {
                sent.add("PUT " + division + " " + id + " " + body);
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

            @Override
            public Response attachment(String authorization, String id, int division, int download) {
                requested.add("docs/SysAttachment.aspx?ID=" + id + "&_Division_=" + division + "&Download=" + download);
                return next();
            }
        };
        return new ExactClient(api, Clock.fixed(NOW, ZoneOffset.UTC), waits::add, guard, budget);
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

    private static final UUID ACCOUNT = UUID.fromString("5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11");
    private static final JsonObject NOTE = Json.createObjectBuilder().add("Subject", "Reminder").add("Notes", "2 invoices").build();
    private static final JsonObject HOLD = Json.createObjectBuilder().add("Blocked", true).build();

    @Test
    void aCreatedNoteIsSentWithItsAccountAndItsNewIdIsReadFromThe201() {
        answer(new ScriptedResponse(201, "{\"d\":{\"__metadata\":{\"uri\":\"x\"},\"ID\":\"0b6f7a52-4c4c-4e5e-9a0d-6b1c9a3e2f10\","
                + "\"Account\":\"" + ACCOUNT + "\",\"Created\":\"/Date(1764064800000)/\",\"Subject\":\"Reminder\"}}"));
        UUID id = client().createNote("t", 3124567, ACCOUNT, NOTE);
        assertEquals(UUID.fromString("0b6f7a52-4c4c-4e5e-9a0d-6b1c9a3e2f10"), id);
        assertEquals(List.of("POST 3124567 {\"Subject\":\"Reminder\",\"Notes\":\"2 invoices\",\"Account\":\"" + ACCOUNT + "\"}"), sent);
    }

    @Test
    void anAccountUpdateIsDoneOnA204WithoutBody() {
        answer(new ScriptedResponse(204, null).limits(4000, 50, NOW.plusSeconds(30).toEpochMilli()));
        client().updateAccount("t", 3124567, ACCOUNT, HOLD);
        assertEquals(List.of("PUT 3124567 " + ACCOUNT + " {\"Blocked\":true}"), sent);
        assertTrue(waits.isEmpty());
    }

    @Test
    void a400OnAWriteIsPermanentAndSentOnlyOnce() {
        answer(new ScriptedResponse(400, "{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\",\"value\":\"Account: the account does not exist\"}}}"));
        ExactApiException e = assertThrows(ExactApiException.class, () -> client().createNote("t", 1, ACCOUNT, NOTE));
        assertTrue(e.isPermanent());
        assertTrue(e.getMessage().contains("the account does not exist"), e.getMessage());
        assertEquals(1, calls, "Exact blocks an app after 10 errors per endpoint per hour: no blind retry");
    }

    @Test
    void a404OnAnAccountUpdateIsPermanent() {
        answer(new ScriptedResponse(404, "{\"error\":{\"message\":{\"value\":\"Account does not exist\"}}}"));
        ExactApiException e = assertThrows(ExactApiException.class, () -> client().updateAccount("t", 1, ACCOUNT, HOLD));
        assertEquals(404, e.status());
        assertTrue(e.isPermanent());
        assertEquals(1, calls);
    }

    @Test
    void a429OnAWriteWaitsForTheResetAndIsSentAgain() {
        answer(new ScriptedResponse(429, "{}").limits(4000, 0, NOW.plusSeconds(10).toEpochMilli()));
        answer(new ScriptedResponse(204, null));
        client().updateAccount("t", 1, ACCOUNT, HOLD);
        assertEquals(2, sent.size());
        assertTrue(waits.get(0).compareTo(Duration.ofSeconds(10)) >= 0, "waited until the reset: " + waits);
    }

    @Test
    void serverErrorsOnAWriteBackOffAndEndAsATransientFailure() {
        for (int i = 0; i < 4; i++) {
            answer(new ScriptedResponse(503, "<html>Service Unavailable</html>"));
        }
        ExactApiException e = assertThrows(ExactApiException.class, () -> client().createNote("t", 1, ACCOUNT, NOTE));
        assertEquals(503, e.status());
        assertFalse(e.isPermanent(), "the outbox tries again later");
        assertEquals(4, calls);
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000)), waits);
    }

    @Test
    void anExpiredTokenAndTheRateLimitAreNotPermanent() {
        assertFalse(new ExactApiException(401, "expired").isPermanent());
        assertFalse(new ExactApiException(429, "limit").isPermanent());
        assertFalse(new ExactApiException(0, "time-out").isPermanent());
        assertTrue(new ExactApiException(403, "forbidden").isPermanent());
    }

    @Test
    void deletionsComeFromSyncDeletedWhichHasNoServiceSegment() {
        answer(new ScriptedResponse(200, "{\"d\":{\"results\":[]}}"));
        answer(new ScriptedResponse(200, "{\"d\":{\"results\":[]}}"));
        ExactClient client = client();
        client.syncPage("t", 1, SyncEndpoint.DELETED, 7, null);
        client.syncPage("t", 1, SyncEndpoint.CONTACTS, 7, null);
        assertEquals(List.of("sync/Deleted?Timestamp gt 7L&EntityKey,EntityType,DeletedDate,Timestamp",
                "sync/CRM/Contacts?Timestamp gt 7L&ID,Account,FullName,FirstName,LastName,Email,Phone,Mobile,IsMainContact,Timestamp"),
                requested);
        assertEquals("Deleted", SyncEndpoint.DELETED.stateKey());
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

    private static final AttachmentUrl FILE = new AttachmentUrl(UUID.fromString("5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11"), 3124567);
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void aPdfIsDownloadedFromTheAttachmentAddressWithDownloadOne() {
        answer(ScriptedResponse.file(200, PDF).header("Content-Type", "application/pdf").limits(4000, 30, 0));
        ExactClient client = client();
        assertTrue(java.util.Arrays.equals(PDF, client.downloadPdf("t", FILE, 1000)));
        assertEquals(List.of("docs/SysAttachment.aspx?ID=5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11&_Division_=3124567&Download=1"),
                requested);
        assertEquals(30, client.lastRateLimit().orElseThrow().minutelyRemaining(), "the download counts like any call");
    }

    @Test
    void pdfsForADispatchStopAtTheMinutelyReserveButTheFirstRoundWaitsForTheReset() {
        long reset = NOW.plusSeconds(30).toEpochMilli();
        answer(ScriptedResponse.file(200, PDF).header("Content-Type", "application/pdf").limits(4000, 10, reset));
        ExactClient beforeDispatch = client(EndpointGuard.NONE, new CallBudget(CallPurpose.ATTACHMENT_DOWNLOAD, 500, 10, null));
        beforeDispatch.downloadPdf("t", FILE, 1000);
        assertThrows(BudgetReservedException.class, () -> beforeDispatch.downloadPdf("t", FILE, 1000));
        assertEquals(1, calls);
        assertEquals(List.of(), waits, "the dispatch pass goes on without the file");

        answer(ScriptedResponse.file(200, PDF).header("Content-Type", "application/pdf").limits(4000, 10, reset));
        answer(ScriptedResponse.file(200, PDF).header("Content-Type", "application/pdf").limits(4000, 59, reset + 60_000));
        ExactClient firstRound = client(EndpointGuard.NONE, new CallBudget(CallPurpose.FIRST_PDF_ROUND, 500, 10, null));
        firstRound.downloadPdf("t", FILE, 1000);
        firstRound.downloadPdf("t", FILE, 1000);
        assertEquals(3, calls);
        assertEquals(List.of(Duration.ofMillis(30_250)), waits, "waited for the minute's reset, then fetched");
    }

    @Test
    void aDownloadThatIsNoPdfOrTooLargeIsRefusedForGood() {
        // A page where the file belongs is a proxy's or a login page: an outage, tried again with the next reminder.
        answer(new ScriptedResponse(200, "<html>Log in</html>").header("Content-Type", "text/html; charset=utf-8"));
        assertThrows(ProxyPageException.class, () -> client().downloadPdf("t", FILE, 1000));
        answer(ScriptedResponse.file(200, "not a pdf at all".getBytes()).header("Content-Type", "application/pdf"));
        assertThrows(RefusedFileException.class, () -> client().downloadPdf("t", FILE, 1000));
        answer(ScriptedResponse.file(200, PDF).header("Content-Type", "application/pdf").header("Content-Length", "99999999"));
        RefusedFileException big = assertThrows(RefusedFileException.class, () -> client().downloadPdf("t", FILE, 1000));
        assertTrue(big.getMessage().contains("99999999"), big.getMessage());
        // Without a Content-Length the body is read only up to the limit.
        answer(ScriptedResponse.file(200, PDF).header("Content-Type", "application/octet-stream"));
        assertThrows(RefusedFileException.class, () -> client().downloadPdf("t", FILE, 10));
    }

    @Test
    void aFailedDownloadIsTriedOnceAndNeverWaitedFor() {
        answer(new ScriptedResponse(503, "<html>Service Unavailable</html>"));
        ExactApiException unavailable = assertThrows(ExactApiException.class, () -> client().downloadPdf("t", FILE, 1000));
        assertEquals(503, unavailable.status());
        answer(new ScriptedResponse(429, "{}").limits(4000, 0, NOW.plusSeconds(30).toEpochMilli()));
        assertEquals(429, assertThrows(ExactApiException.class, () -> client().downloadPdf("t", FILE, 1000)).status());
        answers.add(() -> {
            throw new ProcessingException("read timed out");
        });
        assertEquals(0, assertThrows(ExactApiException.class, () -> client().downloadPdf("t", FILE, 1000)).status());
        answer(new ScriptedResponse(401, "{\"error\":{\"message\":{\"value\":\"expired\"}}}"));
        assertTrue(assertThrows(ExactApiException.class, () -> client().downloadPdf("t", FILE, 1000)).isUnauthorized());
        assertEquals(4, calls, "one call each");
        assertEquals(List.of(), waits);
    }

    @Test
    void onlyAnAttachmentAddressOnTheConnectionsOwnHostIsFollowed() {
        java.net.URI exact = java.net.URI.create("https://start.exactonline.nl");
        assertEquals(java.util.Optional.of(FILE), AttachmentUrl.parse(
                "https://start.exactonline.nl/docs/SysAttachment.aspx?ID=5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11&_Division_=3124567", exact));
        assertEquals(java.util.Optional.of(FILE), AttachmentUrl.parse("http://127.0.0.1:8080/exact-sandbox/docs/SysAttachment.aspx"
                + "?_Division_=3124567&ID=5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11", java.net.URI.create("http://127.0.0.1:8080/exact-sandbox")));
        assertTrue(AttachmentUrl.parse("https://evil.example/docs/SysAttachment.aspx?ID=5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11"
                + "&_Division_=3124567", exact).isEmpty(), "the token never goes to another host");
        assertTrue(AttachmentUrl.parse("https://start.exactonline.nl/api/v1/3124567/crm/Accounts?ID=5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11"
                + "&_Division_=3124567", exact).isEmpty());
        assertTrue(AttachmentUrl.parse("https://start.exactonline.nl/docs/SysAttachment.aspx?ID=nope&_Division_=1", exact).isEmpty());
        assertTrue(AttachmentUrl.parse("not a url at all", exact).isEmpty());
    }

    // An HTML page instead of JSON: a proxy or maintenance in front of Exact.

    private static final String BAD_GATEWAY = "<html>\n<head><title>502 Bad Gateway</title></head>\n"
            + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
    private static final String MAINTENANCE = "<!DOCTYPE html><html><head><title>Exact Online - Maintenance</title></head>"
            + "<body><h1>Exact Online is temporarily unavailable</h1></body></html>";

    @Test
    void aMaintenancePageWithA200IsATransientFailureWithItsTitleNotAJsonCrash() {
        for (int i = 0; i < 4; i++) {
            answer(new ScriptedResponse(200, MAINTENANCE).header("Content-Type", "text/html; charset=utf-8"));
        }
        ExactApiException e = assertThrows(ExactApiException.class, () -> client().syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null));
        assertInstanceOf(ProxyPageException.class, e);
        assertTrue(e.isOutage(), "counts towards the circuit like a 5xx");
        assertFalse(e.isPermanent(), "tried again later");
        assertEquals("Exact Online is unavailable (HTTP 200): an HTML page came back instead of JSON (\"Exact Online - "
                + "Maintenance\"), as a proxy or a maintenance window in front of Exact answers", e.getMessage());
        assertEquals(4, calls);
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000)), waits);
    }

    @Test
    void aProxysBadGatewayPageIsRetriedAndTheCallRecovers() {
        answer(new ScriptedResponse(502, BAD_GATEWAY));
        answer(new ScriptedResponse(200, PAGE).header("Content-Type", "application/json"));
        assertEquals(1, client().syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null).records().size());
        assertEquals(2, calls);
    }

    @Test
    void anHtmlPageWithoutContentTypeIsKnownByItsFirstCharacter() {
        for (int i = 0; i < 4; i++) {
            answer(new ScriptedResponse(503, "  <html><head><title>503 Service\n Unavailable</title></head></html>"));
        }
        ExactApiException e = assertThrows(ProxyPageException.class, () -> client().createNote("t", 1, ACCOUNT, NOTE));
        assertEquals(503, e.status());
        assertTrue(e.getMessage().contains("\"503 Service Unavailable\""), e.getMessage());
    }

    @Test
    void anEmptyAnswerLabelledHtmlIsNoPage() {
        answer(new ScriptedResponse(204, "").header("Content-Type", "text/html"));
        client().updateAccount("t", 1, ACCOUNT, HOLD);
        assertEquals(1, calls);
    }

    // The error limit: count what Exact counts, stop before it blocks.

    /** Records what the client reports and pauses the endpoints the test names. */
    private static final class RecordingGuard implements EndpointGuard {
        final List<String> refused = new ArrayList<>();
        final java.util.Set<String> paused = new java.util.HashSet<>();

        @Override
        public void admit(ExactEndpoint endpoint) {
            if (paused.contains(endpoint.path())) {
                throw new EndpointPausedException(endpoint, NOW.plusSeconds(600), "paused " + endpoint.path());
            }
        }

        @Override
        public void refused(ExactEndpoint endpoint, int status, String message, boolean blocked) {
            refused.add(endpoint.division() + " " + endpoint.path() + " " + status + (blocked ? " blocked" : ""));
        }
    }

    private final RecordingGuard guard = new RecordingGuard();

    @Test
    void theErrorsExactCountsAreReportedPerEndpointAndNothingElse() {
        ExactClient client = client(guard, CallBudget.unreserved(CallPurpose.WRITE_BACK));
        answer(new ScriptedResponse(400, "{\"error\":{\"message\":{\"value\":\"Subject is mandatory\"}}}"));
        answer(new ScriptedResponse(404, "{\"error\":{\"message\":{\"value\":\"Account does not exist\"}}}"));
        answer(new ScriptedResponse(401, "{\"error\":{\"message\":{\"value\":\"expired\"}}}"));
        answer(new ScriptedResponse(503, "{}"));
        answer(new ScriptedResponse(204, null));
        assertThrows(ExactApiException.class, () -> client.createNote("t", 3124567, ACCOUNT, NOTE));
        assertThrows(ExactApiException.class, () -> client.updateAccount("t", 3124567, ACCOUNT, HOLD));
        assertThrows(ExactApiException.class, () -> client.syncPage("t", 7, SyncEndpoint.PAYMENT_TERMS, 1, null));
        client.updateAccount("t", 3124567, ACCOUNT, HOLD);
        assertEquals(List.of("3124567 activities/CommunicationNotes 400", "3124567 crm/Accounts 404",
                "7 sync/Cashflow/PaymentTerms 401"), guard.refused, "a 503 is no error by Exact's count");
    }

    @Test
    void aPausedEndpointIsNotCalledAtAll() {
        guard.paused.add("activities/CommunicationNotes");
        ExactClient client = client(guard, CallBudget.unreserved(CallPurpose.WRITE_BACK));
        EndpointPausedException e = assertThrows(EndpointPausedException.class, () -> client.createNote("t", 1, ACCOUNT, NOTE));
        assertFalse(e.isOutage(), "Dunwise holding back says nothing about Exact's health");
        assertEquals(0, calls);
        answer(new ScriptedResponse(204, null));
        client.updateAccount("t", 1, ACCOUNT, HOLD);
        assertEquals(1, calls, "other endpoints are called");
    }

    @Test
    void a429WithCallsLeftIsExactsErrorBlockAndIsNeitherWaitedForNorRetried() {
        answer(new ScriptedResponse(429, "{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\",\"value\":\"API key "
                + "blocked: too many errors on endpoint 'activities/CommunicationNotes' in the last hour.\"}}}")
                .limits(4200, 45, NOW.plusSeconds(30).toEpochMilli()));
        EndpointPausedException e = assertThrows(EndpointPausedException.class,
                () -> client(guard, CallBudget.unreserved(CallPurpose.WRITE_BACK)).createNote("t", 1, ACCOUNT, NOTE));
        assertEquals(1, calls);
        assertTrue(waits.isEmpty());
        assertEquals(NOW.plus(Duration.ofHours(1)), e.until());
        assertTrue(e.getMessage().contains("blocked activities/CommunicationNotes for too many errors: API key blocked"),
                e.getMessage());
        assertEquals(List.of("1 activities/CommunicationNotes 429 blocked"), guard.refused);
    }

    // The call budget: the scheduled sync leaves a reserve.

    private static RateLimit left(long daily, long minutely) {
        return new RateLimit(5000, daily, NOW.plus(Duration.ofHours(14)), 60, minutely, NOW.plusSeconds(30));
    }

    @Test
    void theScheduledSyncStopsAtTheDailyReserveKnownFromTheLastRound() {
        CallBudget budget = new CallBudget(CallPurpose.SCHEDULED_SYNC, 500, 10, left(500, 60));
        BudgetReservedException e = assertThrows(BudgetReservedException.class,
                () -> client(guard, budget).syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null));
        assertEquals(0, calls);
        assertFalse(e.isOutage());
        assertEquals(NOW.plus(Duration.ofHours(14)), e.resetAt());
        assertTrue(e.getMessage().contains("500 of today's Exact Online calls are left, and 500 are kept"), e.getMessage());
    }

    @Test
    void theScheduledSyncSpendsDownToTheReserveAndStopsThere() {
        ExactClient client = client(guard, new CallBudget(CallPurpose.SCHEDULED_SYNC, 500, 0, left(502, 60)));
        answer(new ScriptedResponse(200, PAGE).limits(501, 59, NOW.plusSeconds(30).toEpochMilli()));
        answer(new ScriptedResponse(200, PAGE).limits(500, 58, NOW.plusSeconds(30).toEpochMilli()));
        client.syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null);
        client.syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null);
        assertThrows(BudgetReservedException.class, () -> client.syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null));
        assertEquals(2, calls, "the reserve of 500 is untouched");
    }

    @Test
    void writeBackAndInteractiveSyncsMayUseTheReserve() {
        for (CallPurpose purpose : List.of(CallPurpose.WRITE_BACK, CallPurpose.INTERACTIVE)) {
            answer(new ScriptedResponse(200, PAGE).limits(11, 50, NOW.plusSeconds(30).toEpochMilli()));
            client(guard, new CallBudget(purpose, 500, 10, left(12, 50))).syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null);
        }
        assertEquals(2, calls);
    }

    @Test
    void aReserveSeenBeforeTheDailyResetNoLongerHolds() {
        RateLimit yesterday = new RateLimit(5000, 20, NOW.minusSeconds(1), 60, 50, NOW.minusSeconds(30));
        answer(new ScriptedResponse(200, PAGE));
        client(guard, new CallBudget(CallPurpose.SCHEDULED_SYNC, 500, 10, yesterday)).syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null);
        assertEquals(1, calls);
    }

    @Test
    void theReserveIsKeptPerDivision() {
        ExactClient client = client(guard, new CallBudget(CallPurpose.SCHEDULED_SYNC, 500, 0, null));
        answer(new ScriptedResponse(200, PAGE).limits(400, 50, NOW.plusSeconds(30).toEpochMilli()));
        answer(new ScriptedResponse(200, PAGE).limits(4000, 50, NOW.plusSeconds(30).toEpochMilli()));
        client.syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null);
        client.syncPage("t", 2, SyncEndpoint.ACCOUNTS, 1, null);
        assertThrows(BudgetReservedException.class, () -> client.syncPage("t", 1, SyncEndpoint.CONTACTS, 1, null));
        assertEquals(2, calls, "division 1 is down to its reserve, division 2 was not");
    }

    @Test
    void theScheduledSyncLeavesTheMinutelyReserveAndWaitsForTheNextMinute() {
        ExactClient bulk = client(guard, new CallBudget(CallPurpose.SCHEDULED_SYNC, 500, 10, null));
        answer(new ScriptedResponse(200, PAGE).limits(4000, 10, NOW.plusSeconds(30).toEpochMilli()));
        answer(new ScriptedResponse(200, PAGE).limits(3999, 59, NOW.plusSeconds(90).toEpochMilli()));
        bulk.syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null);
        bulk.syncPage("t", 1, SyncEndpoint.ACCOUNTS, 1, null);
        assertEquals(1, waits.size(), "10 left this minute are the reserve: waited for the reset");
        assertTrue(waits.get(0).compareTo(Duration.ofSeconds(30)) >= 0, waits.toString());

        waits.clear();
        ExactClient writeBack = client(guard, new CallBudget(CallPurpose.WRITE_BACK, 500, 10, null));
        answer(new ScriptedResponse(204, null).limits(3998, 10, NOW.plusSeconds(30).toEpochMilli()));
        answer(new ScriptedResponse(204, null).limits(3997, 9, NOW.plusSeconds(30).toEpochMilli()));
        writeBack.updateAccount("t", 1, ACCOUNT, HOLD);
        writeBack.updateAccount("t", 1, ACCOUNT, HOLD);
        assertTrue(waits.isEmpty(), "write-back uses the minutely reserve without waiting");
    }
}

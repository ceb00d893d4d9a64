package nl.dunwise.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.dunwise.exact.client.CallBudget;
import nl.dunwise.exact.client.CallPurpose;
import nl.dunwise.exact.client.EndpointPausedException;
import nl.dunwise.exact.client.ExactApi;
import nl.dunwise.exact.client.ExactApiException;
import nl.dunwise.exact.client.ExactClient;
import nl.dunwise.exact.client.ExactEndpoint;
import nl.dunwise.exact.client.ScriptedResponse;
import nl.dunwise.testing.MovableClock;
import nl.dunwise.testing.OwnDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared error counts on real PostgreSQL, and a client guarded by them against an Exact that blocks an app
 * after 10 errors on an endpoint within an hour: Dunwise stops at 8 and is never blocked.
 */
class ExactEndpointErrorsTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final ExactEndpoint NOTES = new ExactEndpoint(3124567, "activities/CommunicationNotes");
    private static final ExactEndpoint ACCOUNTS = new ExactEndpoint(3124567, "crm/Accounts");
    private static final UUID ACCOUNT = UUID.fromString("5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11");
    private static final JsonObject NOTE = Json.createObjectBuilder().add("Subject", "Reminder").add("Notes", "n").build();

    private static OwnDatabase database;
    private static ExactEndpointErrors errors;

    private final MovableClock clock = new MovableClock(T0);

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = new OwnDatabase(ExactEndpointErrorsTest.class);
        errors = new ExactEndpointErrors(database.dataSource());
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        database.close();
    }

    @BeforeEach
    void noErrors() throws SQLException {
        database.execute("DELETE FROM exact_endpoint_error");
    }

    /** n errors a minute apart, from T0 on. */
    private void errorsOn(ExactEndpoint endpoint, int n) {
        for (int i = 0; i < n; i++) {
            errors.record(endpoint, 400, "Exact Online answered HTTP 400: error " + (i + 1), false, T0.plusSeconds(60L * i));
        }
    }

    @Test
    void sevenErrorsWithinAnHourLeaveTheEndpointOpen() {
        errorsOn(NOTES, ExactEndpointErrors.STOP_AT - 1);
        assertEquals(Optional.empty(), errors.pausedUntil(NOTES, T0.plusSeconds(600)));
    }

    @Test
    void theEighthErrorPausesTheEndpointUntilTheOldestOfThemIsAnHourOld() {
        errorsOn(NOTES, ExactEndpointErrors.STOP_AT);
        Instant now = T0.plusSeconds(600);
        assertEquals(Optional.of(T0.plus(Duration.ofHours(1))), errors.pausedUntil(NOTES, now));
        assertEquals(Optional.empty(), errors.pausedUntil(ACCOUNTS, now), "other endpoints are not paused");
        assertEquals(Optional.empty(), errors.pausedUntil(new ExactEndpoint(42, NOTES.path()), now),
                "nor the same endpoint of another division");
        assertEquals(Optional.empty(), errors.pausedUntil(NOTES, T0.plus(Duration.ofHours(1))), "open again after the hour");
    }

    @Test
    void theHourSlides() {
        errorsOn(NOTES, ExactEndpointErrors.STOP_AT + 2);
        // Errors at T0 .. T0+9min; the 8th newest is at T0+2min.
        assertEquals(Optional.of(T0.plus(Duration.ofHours(1)).plusSeconds(120)), errors.pausedUntil(NOTES, T0.plusSeconds(600)));
    }

    @Test
    void exactsWordThatTheEndpointIsBlockedPausesItForAnHour() {
        errors.record(NOTES, 429, "Exact Online has blocked activities/CommunicationNotes", true, T0);
        assertEquals(Optional.of(T0.plus(Duration.ofHours(1))), errors.pausedUntil(NOTES, T0.plusSeconds(1)));
    }

    @Test
    void theCockpitSeesEachEndpointsErrorsOfTheLastHour() {
        errors.record(ACCOUNTS, 404, "old", false, T0.minus(Duration.ofHours(2)));
        errorsOn(NOTES, ExactEndpointErrors.STOP_AT);
        errors.record(ACCOUNTS, 404, "Exact Online answered HTTP 404: Account does not exist", false, T0.plusSeconds(30));

        List<EndpointErrors> list = errors.lastHour(T0.plusSeconds(600));

        assertEquals(2, list.size());
        EndpointErrors notes = list.get(0);
        assertEquals("activities/CommunicationNotes", notes.endpoint());
        assertEquals(ExactEndpointErrors.STOP_AT, notes.errors());
        assertEquals("Exact Online answered HTTP 400: error 8", notes.lastMessage());
        assertTrue(notes.paused());
        EndpointErrors accounts = list.get(1);
        assertEquals(1, accounts.errors(), "the error of two hours ago is not counted");
        assertEquals(404, accounts.lastStatus());
        assertFalse(accounts.paused());
    }

    @Test
    void errorsOlderThanADayAreDeleted() throws SQLException {
        errors.record(NOTES, 400, "long ago", false, T0.minus(Duration.ofDays(2)));
        errors.record(NOTES, 400, "now", false, T0);
        assertEquals(1, database.single("SELECT count(*) FROM exact_endpoint_error"));
    }

    /**
     * Exact's error limit as the sandbox plays it: per endpoint, the 10th error within an hour blocks it for an hour,
     * answered with a 429 that still shows calls left. Every note is refused (the account is gone in Exact).
     */
    private final class ErrorLimitedExact implements ExactApi {
        final List<Instant> errorsSeen = new ArrayList<>();
        int calls;
        int blockedAnswers;
        Instant blockedUntil;

        @Override
        public Response createCommunicationNote(String authorization, int division, String body) {
            calls++;
            Instant now = clock.instant();
            if (blockedUntil != null && now.isBefore(blockedUntil)) {
                blockedAnswers++;
                return new ScriptedResponse(429, "{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\",\"value\":"
                        + "\"API key blocked: too many errors\"}}}").header("X-RateLimit-Remaining", 4000)
                        .header("X-RateLimit-Minutely-Remaining", 50);
            }
            errorsSeen.add(now);
            if (errorsSeen.stream().filter(t -> t.isAfter(now.minus(Duration.ofHours(1)))).count() >= 10) {
                blockedUntil = now.plus(Duration.ofHours(1));
            }
            return new ScriptedResponse(400, "{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\",\"value\":"
                    + "\"Account: the account does not exist\"}}}");
        }

        @Override
        public Response token(Form form) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response me(String authorization, String select) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response divisions(String authorization, int division, String select) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response sync(String authorization, int division, String service, String entity, String filter,
                String select, String skiptoken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response updateAccount(String authorization, int division, String id, String body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response syncDeleted(String authorization, int division, String filter, String select, String skiptoken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response webhookSubscriptions(String authorization, int division, String select) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response subscribeWebhook(String authorization, int division, String body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response attachment(String authorization, String id, int division, int download) {
            throw new UnsupportedOperationException();
        }
    }

    private ExactClient server(ExactApi exact) {
        return new ExactClient(exact, clock, d -> clock.advance(d), new GuardedEndpoints(errors, clock),
                CallBudget.unreserved(CallPurpose.WRITE_BACK));
    }

    @Test
    void twoServersSendingNotesExactRefusesStopAtEightErrorsAndAreNeverBlocked() {
        ErrorLimitedExact exact = new ErrorLimitedExact();
        List<ExactClient> servers = List.of(server(exact), server(exact));
        int refused = 0;
        int paused = 0;
        for (int i = 0; i < 30; i++) {
            try {
                servers.get(i % 2).createNote("t", NOTES.division(), ACCOUNT, NOTE);
            } catch (EndpointPausedException e) {
                paused++;
            } catch (ExactApiException e) {
                assertTrue(e.isPermanent(), e.getMessage());
                refused++;
            }
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(ExactEndpointErrors.STOP_AT, refused);
        assertEquals(ExactEndpointErrors.STOP_AT, exact.calls, "paused notes never reached Exact");
        assertEquals(30 - ExactEndpointErrors.STOP_AT, paused);
        assertEquals(0, exact.blockedAnswers);
        assertEquals(null, exact.blockedUntil, "Exact never blocked the app");

        clock.set(T0.plus(Duration.ofHours(1)));
        assertThrows(ExactApiException.class, () -> servers.get(0).createNote("t", NOTES.division(), ACCOUNT, NOTE));
        assertEquals(ExactEndpointErrors.STOP_AT + 1, exact.calls, "an hour after the first error the endpoint is called again");
    }

    @Test
    void whenExactBlocksAnywayTheEndpointIsLeftAloneForTheHour() {
        ErrorLimitedExact exact = new ErrorLimitedExact();
        exact.blockedUntil = T0.plus(Duration.ofMinutes(30));
        ExactClient client = server(exact);
        assertThrows(EndpointPausedException.class, () -> client.createNote("t", NOTES.division(), ACCOUNT, NOTE));
        clock.advance(Duration.ofMinutes(59));
        assertThrows(EndpointPausedException.class, () -> client.createNote("t", NOTES.division(), ACCOUNT, NOTE));
        assertEquals(1, exact.calls, "after Exact's block only one call, and none for an hour");
        assertEquals(1, exact.blockedAnswers);
    }
}

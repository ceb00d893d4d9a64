package nl.dunwise.sandbox.exact.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

import nl.dunwise.sandbox.exact.MutableClock;
import nl.dunwise.sandbox.exact.control.FaultSwitches;
import nl.dunwise.sandbox.exact.oauth.ApiPrincipal;
import nl.dunwise.sandbox.exact.oauth.TokenStore;
import nl.dunwise.sandbox.exact.ratelimit.ErrorLimiter;
import nl.dunwise.sandbox.exact.ratelimit.RateLimiter;

/** The gate's error limit and proxy pages, with the resources played by the status they would answer. */
class ApiGateFilterTest {

    private static final ApiPrincipal APP = new ApiPrincipal("app", UUID.randomUUID(), UUID.randomUUID(), 3124567);
    private static final String NOTES = "v1/3124567/activities/CommunicationNotes";

    private final MutableClock clock = MutableClock.at("2026-03-10T10:15:00Z");
    private final ApiGateFilter gate = new ApiGateFilter();

    ApiGateFilterTest() {
        gate.tokens = new TokenStore() {
            @Override
            public Optional<ApiPrincipal> authenticate(String accessToken) {
                return "valid".equals(accessToken) ? Optional.of(APP) : Optional.empty();
            }

            @Override
            public Optional<ApiPrincipal> holder(String accessToken) {
                return "valid".equals(accessToken) || "expired".equals(accessToken) ? Optional.of(APP) : Optional.empty();
            }
        };
        gate.limiter = new RateLimiter(clock, () -> 60, () -> 5000);
        gate.errorLimiter = new ErrorLimiter(clock, () -> 10);
        gate.faults = new FaultSwitches();
    }

    /** What the client gets: the gate's own answer, or else what the resource answered. */
    private record Answer(int status, String body, MultivaluedMap<String, Object> headers) {
    }

    private Answer call(String path, String token, int resourceStatus) {
        Map<String, Object> properties = new HashMap<>();
        Response[] aborted = new Response[1];
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPath" -> path;
                    case "getQueryParameters" -> new MultivaluedHashMap<String, String>();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        MultivaluedMap<String, String> requestHeaders = new MultivaluedHashMap<>();
        requestHeaders.putSingle("Accept", "application/json");
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
                ContainerRequestContext.class.getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getUriInfo" -> uri;
                    case "getHeaderString" -> "Authorization".equals(args[0]) && token != null ? "Bearer " + token : null;
                    case "getHeaders" -> requestHeaders;
                    case "setProperty" -> properties.put((String) args[0], args[1]);
                    case "getProperty" -> properties.get((String) args[0]);
                    case "abortWith" -> aborted[0] = (Response) args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        gate.filter(request);
        int status = aborted[0] != null ? aborted[0].getStatus() : resourceStatus;
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        ContainerResponseContext response = (ContainerResponseContext) Proxy.newProxyInstance(
                ContainerResponseContext.class.getClassLoader(), new Class<?>[] {ContainerResponseContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getStatus" -> status;
                    case "getHeaders" -> headers;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        gate.filter(request, response);
        return new Answer(status, aborted[0] == null ? null : String.valueOf(aborted[0].getEntity()), headers);
    }

    @Test
    void tenErrorsOnAnEndpointBlockItWithA429ThatStillShowsCallsLeft() {
        for (int i = 0; i < 9; i++) {
            assertEquals(400, call(NOTES, "valid", 400).status());
        }
        assertEquals(201, call(NOTES, "valid", 201).status(), "nine errors are tolerated");
        assertEquals(404, call("v1/3124567/activities/CommunicationNotes(guid'0b6f7a52-4c4c-4e5e-9a0d-6b1c9a3e2f10')",
                "valid", 404).status(), "a record's key is the same endpoint");

        Answer blocked = call(NOTES, "valid", 201);
        assertEquals(429, blocked.status());
        assertTrue(blocked.body().contains("API key blocked: too many errors on endpoint 'activities/CommunicationNotes'"),
                blocked.body());
        assertEquals("49", blocked.headers().getFirst("X-RateLimit-Minutely-Remaining"),
                "the 11 calls before were charged, the blocked one is not");
        assertEquals("4989", blocked.headers().getFirst("X-RateLimit-Remaining"));

        assertEquals(200, call("v1/3124567/crm/Accounts(guid'0b6f7a52-4c4c-4e5e-9a0d-6b1c9a3e2f10')", "valid", 200).status(),
                "another endpoint answers");
        assertEquals(200, call("v1/42/activities/CommunicationNotes", "valid", 200).status(), "so does another division");

        clock.advanceSeconds(3600);
        assertEquals(201, call(NOTES, "valid", 201).status(), "lifted after an hour");
    }

    @Test
    void blockedCallsAreNoErrorsThemselves() {
        for (int i = 0; i < 10; i++) {
            call(NOTES, "valid", 400);
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(429, call(NOTES, "valid", 400).status());
        }
        clock.advanceSeconds(3600);
        assertEquals(400, call(NOTES, "valid", 400).status());
        assertTrue(gate.errorLimiter.blocks().isEmpty(), "one error in the new hour, no block");
    }

    @Test
    void a401CountsForTheAppWhoseTokenWasRefusedAndAnUnknownTokenForNobody() {
        for (int i = 0; i < 10; i++) {
            assertEquals(401, call(NOTES, "forged", 200).status());
        }
        assertEquals(200, call(NOTES, "valid", 200).status(), "a token Exact never issued is charged to nobody");
        for (int i = 0; i < 10; i++) {
            assertEquals(401, call(NOTES, "expired", 200).status());
        }
        assertEquals(429, call(NOTES, "valid", 200).status(), "ten 401s on an expired token of the app block it");
    }

    @Test
    void aProxysHtmlPageCarriesNoRateLimitHeaders() {
        gate.faults.htmlPages(1, 503);
        Answer page = call(NOTES, "valid", 200);
        assertEquals(503, page.status());
        assertTrue(page.body().startsWith("<!DOCTYPE html>") && page.body().contains("503 Service Temporarily Unavailable"),
                page.body());
        assertNull(page.headers().getFirst("X-RateLimit-Remaining"));
        Answer next = call(NOTES, "valid", 200);
        assertEquals(200, next.status());
        assertFalse(next.headers().isEmpty(), "Exact's own answers carry them");
    }
}

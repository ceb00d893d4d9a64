package nl.dunwise.sandbox.exact.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import nl.dunwise.sandbox.exact.control.FaultSwitches;
import nl.dunwise.sandbox.exact.oauth.ApiPrincipal;
import nl.dunwise.sandbox.exact.oauth.TokenStore;
import nl.dunwise.sandbox.exact.ratelimit.ErrorLimiter;
import nl.dunwise.sandbox.exact.ratelimit.RateLimiter;

/**
 * The gate of {@code /api/v1} (see the package description for the order of checks). It runs before
 * matching so that unknown paths, too, need a token, count against the limits and carry the headers.
 * Faults come before the 401 so that "the next N calls fail" holds whatever state the client is in.
 * Answers 400, 401, 403 and 404 count towards Exact's error limit of the app, user, division and endpoint
 * ({@link ErrorLimiter}); a blocked endpoint answers 429 before the rate limit is charged.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ApiGateFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Request property (a servlet request attribute) holding the {@link ApiPrincipal}. */
    public static final String PRINCIPAL = "nl.dunwise.sandbox.exact.principal";
    static final String RATE_KEY = "nl.dunwise.sandbox.exact.rateKey";
    static final String RATE_STATE = "nl.dunwise.sandbox.exact.rateState";
    static final String V1 = "nl.dunwise.sandbox.exact.v1";
    static final String ERROR_KEY = "nl.dunwise.sandbox.exact.errorKey";
    /** Set on answers that come from "a proxy in front of Exact", which knows nothing of Exact's limits. */
    static final String FROM_PROXY = "nl.dunwise.sandbox.exact.fromProxy";

    /** The answers Exact counts as errors towards its limit per endpoint and hour. */
    static final Set<Integer> COUNTED_ERRORS = Set.of(400, 401, 403, 404);

    /** Cut off mid-record, like a connection dropped by a proxy. */
    static final String MALFORMED_BODY = "{\"d\":{\"results\":[{\"__metadata\":{\"uri\":\"";

    static final String HTML_500 = """
            <!DOCTYPE html>
            <html><head><title>Runtime Error</title></head>
            <body><h1>Server Error in '/' Application.</h1>
            <h2><i>Runtime Error</i></h2>
            <p>An application error occurred on the server (simulated by the Exact sandbox).</p>
            </body></html>
            """;

    @Inject
    TokenStore tokens;

    @Inject
    RateLimiter limiter;

    @Inject
    ErrorLimiter errorLimiter;

    @Inject
    FaultSwitches faults;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!ApiPaths.isV1(path)) {
            return;
        }
        request.setProperty(V1, Boolean.TRUE);
        String canonical = ApiPaths.canonical(path);
        if (!canonical.equals(ApiPaths.relative(path))) {
            URI base = request.getUriInfo().getBaseUri();
            String query = request.getUriInfo().getRequestUri().getRawQuery();
            request.setRequestUri(base, URI.create(base.toString() + canonical + (query == null ? "" : "?" + query)));
        }

        String token = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<ApiPrincipal> principal = tokens.authenticate(token);
        String key = principal.map(p -> p.clientId() + "|" + ApiPaths.division(canonical, p.currentDivision()))
                .orElse(null);
        request.setProperty(RATE_KEY, key);

        FaultSwitches.Fault fault = faults.next();
        switch (fault.kind()) {
            case SERVER_ERROR:
                request.abortWith(Response.status(500).entity(HTML_500).type(MediaType.TEXT_HTML + ";charset=utf-8").build());
                return;
            case HTML_PAGE:
                request.setProperty(FROM_PROXY, Boolean.TRUE);
                request.abortWith(Response.status(fault.status()).entity(ProxyPages.page(fault.status()))
                        .type(MediaType.TEXT_HTML + ";charset=utf-8").build());
                return;
            case TOO_MANY_REQUESTS:
                if (key != null) {
                    request.setProperty(RATE_STATE, limiter.peek(key).exhaustedMinutely());
                }
                request.abortWith(ExactErrors.response(429, "API rate limit exceeded (simulated)."));
                return;
            case MALFORMED_JSON:
                request.abortWith(Response.ok(MALFORMED_BODY, ExactErrors.JSON).build());
                return;
            case SLOW:
                sleep(fault.delayMillis());
                break;
            default:
                break;
        }

        if (principal.isEmpty()) {
            // A refused token still tells Exact whose it was: the 401 counts against that app and user.
            tokens.holder(token).ifPresent(h -> request.setProperty(ERROR_KEY, errorKey(h, canonical)));
            request.abortWith(Response.fromResponse(ExactErrors.response(401,
                    "Access denied: the access token is missing, invalid, expired or revoked."))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            return;
        }
        String errorKey = errorKey(principal.get(), canonical);
        Optional<Instant> blocked = errorLimiter.blockedUntil(errorKey);
        if (blocked.isPresent()) {
            request.setProperty(RATE_STATE, limiter.peek(key));
            request.abortWith(ExactErrors.response(429, "API key blocked: too many errors on endpoint '"
                    + ApiPaths.endpoint(canonical) + "' in the last hour. The block is lifted at " + blocked.get() + "."));
            return;
        }
        request.setProperty(ERROR_KEY, errorKey);
        RateLimiter.State state = limiter.tryAcquire(key);
        request.setProperty(RATE_STATE, state);
        if (!state.allowed()) {
            request.abortWith(ExactErrors.response(429, state.minutelyRemaining() == 0
                    ? "API rate limit exceeded: too many calls this minute."
                    : "API rate limit exceeded: the daily limit has been reached."));
            return;
        }
        if (!acceptsJson(request)) {
            // Exact answers Atom XML without this header; the sandbox refuses instead of guessing.
            request.abortWith(ExactErrors.response(406, "Send 'Accept: application/json': without it Exact Online "
                    + "answers in Atom XML, which the sandbox does not simulate."));
            return;
        }
        request.setProperty(PRINCIPAL, principal.get());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(V1) == null) {
            return;
        }
        String errorKey = (String) request.getProperty(ERROR_KEY);
        if (errorKey != null && COUNTED_ERRORS.contains(response.getStatus())) {
            errorLimiter.recordError(errorKey);
        }
        if (request.getProperty(FROM_PROXY) != null) {
            return;
        }
        RateLimiter.State s = (RateLimiter.State) request.getProperty(RATE_STATE);
        if (s == null) {
            String key = (String) request.getProperty(RATE_KEY);
            // Calls nobody can be charged for (no valid token) show the full budget.
            s = limiter.peek(key != null ? key : "\u0000unattributed");
        }
        MultivaluedMap<String, Object> h = response.getHeaders();
        rateLimitHeaders(s, h::putSingle);
    }

    /** The six headers Exact puts on every answer, API calls and downloads alike. */
    static void rateLimitHeaders(RateLimiter.State s, java.util.function.BiConsumer<String, String> header) {
        header.accept("X-RateLimit-Limit", String.valueOf(s.dailyLimit()));
        header.accept("X-RateLimit-Remaining", String.valueOf(s.dailyRemaining()));
        header.accept("X-RateLimit-Reset", String.valueOf(s.dailyResetMillis()));
        header.accept("X-RateLimit-Minutely-Limit", String.valueOf(s.minutelyLimit()));
        header.accept("X-RateLimit-Minutely-Remaining", String.valueOf(s.minutelyRemaining()));
        header.accept("X-RateLimit-Minutely-Reset", String.valueOf(s.minutelyResetMillis()));
    }

    /** Exact counts errors per app, user, division and endpoint. */
    static String errorKey(ApiPrincipal p, String canonical) {
        return p.clientId() + "|" + p.userId() + "|" + ApiPaths.division(canonical, p.currentDivision()) + "|"
                + ApiPaths.endpoint(canonical);
    }

    static String bearer(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    private static boolean acceptsJson(ContainerRequestContext request) {
        String format = request.getUriInfo().getQueryParameters().getFirst("$format");
        if (format != null && format.equalsIgnoreCase("json")) {
            return true;
        }
        List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        for (String a : accept) {
            if (a.toLowerCase(java.util.Locale.ROOT).contains("application/json")) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

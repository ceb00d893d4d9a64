package nl.dunwise.sandbox.exact.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;

import nl.dunwise.sandbox.exact.control.FaultSwitches;
import nl.dunwise.sandbox.exact.document.InvoicePdf;
import nl.dunwise.sandbox.exact.model.Entities;
import nl.dunwise.sandbox.exact.oauth.ApiPrincipal;
import nl.dunwise.sandbox.exact.oauth.TokenStore;
import nl.dunwise.sandbox.exact.ratelimit.RateLimiter;
import nl.dunwise.sandbox.exact.store.ExactStore;

/**
 * {@code GET /docs/SysAttachment.aspx?ID=<attachment>&_Division_=<division>[&Download=1]}: the file behind a
 * DocumentAttachments {@code Url}, the invoice's PDF rendered from its data. Outside {@code /api}, as at Exact,
 * but behind the same gate: faults first, then the bearer token (401), the rate limit of the division (429,
 * counted like an API call), and the six rate-limit headers on every answer. Errors use Exact's JSON error body;
 * what Exact itself answers on this page for a bad token or an unknown ID is not documented.
 */
@WebServlet(Entities.ATTACHMENT_URL_PREFIX)
public class AttachmentDownload extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** A wrong answer a download can get: a sign-in page with 200 instead of the file. */
    static final String SIGN_IN_PAGE = "<!DOCTYPE html><html><head><title>Exact Online</title></head>"
            + "<body><form id=\"login\">Log in (simulated by the Exact sandbox)</form></body></html>";

    @Inject
    transient TokenStore tokens;

    @Inject
    transient RateLimiter limiter;

    @Inject
    transient FaultSwitches faults;

    @Inject
    transient ExactStore store;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ApiPrincipal> principal = tokens.authenticate(ApiGateFilter.bearer(request.getHeader(HttpHeaders.AUTHORIZATION)));
        Integer division = number(request.getParameter("_Division_"));
        String key = principal.map(p -> p.clientId() + "|" + (division == null ? p.currentDivision() : division)).orElse(null);
        RateLimiter.State state = limiter.peek(key != null ? key : "\u0000unattributed");
        FaultSwitches.Fault fault = faults.next();
        switch (fault.kind()) {
            case SERVER_ERROR -> {
                send(response, state, 500, "text/html;charset=utf-8", ApiGateFilter.HTML_500);
                return;
            }
            case TOO_MANY_REQUESTS -> {
                send(response, state.exhaustedMinutely(), 429, ExactErrors.JSON,
                        ExactErrors.body("API rate limit exceeded (simulated)."));
                return;
            }
            case MALFORMED_JSON -> {
                send(response, state, 200, "text/html;charset=utf-8", SIGN_IN_PAGE);
                return;
            }
            case SLOW -> sleep(fault.delayMillis());
            default -> { }
        }
        if (principal.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            send(response, state, 401, ExactErrors.JSON,
                    ExactErrors.body("Access denied: the access token is missing, invalid, expired or revoked."));
            return;
        }
        state = limiter.tryAcquire(key);
        if (!state.allowed()) {
            send(response, state, 429, ExactErrors.JSON, ExactErrors.body(state.minutelyRemaining() == 0
                    ? "API rate limit exceeded: too many calls this minute."
                    : "API rate limit exceeded: the daily limit has been reached."));
            return;
        }
        UUID id = guid(request.getParameter("ID"));
        if (id == null || division == null) {
            send(response, state, 400, ExactErrors.JSON, ExactErrors.body("Bad request: ID must be a GUID and _Division_ a division number."));
            return;
        }
        Optional<ExactStore.AttachmentFile> file = store.division(division).isEmpty() ? Optional.empty()
                : store.attachment(division, id);
        if (file.isEmpty()) {
            send(response, state, 404, ExactErrors.JSON, ExactErrors.body("Attachment " + id + " does not exist in division "
                    + division + "."));
            return;
        }
        byte[] pdf = InvoicePdf.render(file.get().invoice());
        ApiGateFilter.rateLimitHeaders(state, response::setHeader);
        response.setStatus(200);
        response.setContentType("application/pdf");
        response.setContentLength(pdf.length);
        response.setHeader("Content-Disposition", ("1".equals(request.getParameter("Download")) ? "attachment" : "inline")
                + "; filename=\"" + file.get().fileName().replace("\"", "") + "\"");
        response.getOutputStream().write(pdf);
    }

    private static void send(HttpServletResponse response, RateLimiter.State state, int status, String type, String body)
            throws IOException {
        ApiGateFilter.rateLimitHeaders(state, response::setHeader);
        response.setStatus(status);
        response.setContentType(type);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static UUID guid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

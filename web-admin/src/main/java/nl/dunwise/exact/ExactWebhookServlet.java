package nl.dunwise.exact;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import nl.dunwise.exact.webhook.WebhookReceiver;

/**
 * Exact Online's webhook callback, {@code ${dunwise.admin.url}/hooks/exact}. Public (see web.xml): the
 * HashCode is the authentication. It stores the event and answers at once; the sync runs later.
 */
@WebServlet("/hooks/exact")
public class ExactWebhookServlet extends HttpServlet {

    /** An event is a few hundred bytes; anything far larger is not from Exact. */
    private static final int MAX_BODY = 16 * 1024;

    @Inject
    private WebhookReceiver receiver;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        int status = switch (receiver.receive(new String(body, StandardCharsets.UTF_8))) {
            case VALIDATION, STORED, REPEATED, IGNORED -> HttpServletResponse.SC_OK;
            case NOT_CONFIGURED -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            case BAD_SIGNATURE -> HttpServletResponse.SC_UNAUTHORIZED;
            case MALFORMED -> HttpServletResponse.SC_BAD_REQUEST;
        };
        response.setStatus(status);
        response.setContentLength(0);
    }
}

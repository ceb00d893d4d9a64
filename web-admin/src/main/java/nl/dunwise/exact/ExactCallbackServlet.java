package nl.dunwise.exact;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dunwise.audit.Actor;
import nl.dunwise.exact.client.ExactApiException;
import nl.dunwise.exact.sync.SyncService;
import nl.dunwise.exact.webhook.WebhookSubscriber;

/**
 * Where Exact Online sends the browser back after the credit manager granted (or refused) access. The
 * code is exchanged at once (it is valid for minutes and once); the first sync and the webhook
 * subscriptions start in the background.
 */
@WebServlet("/exact/callback")
public class ExactCallbackServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ExactCallbackServlet.class.getName());

    @Inject
    private ExactAuthorizationState authorization;

    @Inject
    private ExactConnectionService connections;

    @Inject
    private SyncService sync;

    @Inject
    private WebhookSubscriber webhooks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String outcome;
        if (!authorization.consume(request.getParameter("state"))) {
            outcome = "state";
        } else if (request.getParameter("error") != null || request.getParameter("code") == null) {
            outcome = "refused";
        } else {
            outcome = exchange(request.getParameter("code"), Actor.staff(request.getUserPrincipal().getName()));
        }
        response.sendRedirect(request.getContextPath() + "/index.xhtml?exact=" + outcome);
    }

    private String exchange(String code, Actor actor) {
        try {
            connections.completeAuthorization(code, actor);
            sync.syncAllInBackground(actor);
            // In the background, after the connection is committed: a refusal is recorded, not fatal.
            webhooks.subscribeAllInBackground(actor);
            return "connected";
        } catch (ExactNotConfiguredException e) {
            LOG.warning(e.getMessage());
            return "notConfigured";
        } catch (ExactApiException e) {
            LOG.log(Level.WARNING, "Connecting to Exact Online failed: " + e.getMessage(), e);
            return "failed";
        }
    }
}

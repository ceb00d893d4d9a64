package nl.dunwise.exact;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import nl.dunwise.cockpit.Notices;
import nl.dunwise.cockpit.StaffBean;
import nl.dunwise.exact.sync.SyncService;
import nl.dunwise.exact.sync.SyncStatus;
import nl.dunwise.exact.sync.SyncWriter;
import nl.dunwise.exact.webhook.WebhookSubscriber;
import nl.dunwise.exact.webhook.WebhookSubscriptionStatus;

/** The Exact Online panel of the cockpit: connection, "connect", "sync now" and where each sync stands. */
@Named("exact")
@RequestScoped
public class ExactBean {

    @Inject
    private ExactConnectionService connections;

    @Inject
    private SyncService sync;

    @Inject
    private SyncWriter syncStatus;

    @Inject
    private WebhookSubscriber webhooks;

    @Inject
    private ExactAuthorizationState authorization;

    @Inject
    private StaffBean staff;

    private Optional<ExactConnection> connection;
    private List<SyncStatus> statuses;
    private List<WebhookSubscriptionStatus> webhookStatuses;
    private String outcome;

    /** The result of a connect attempt, passed back by the OAuth2 callback as a view parameter. */
    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public void announceOutcome() {
        if (outcome == null || !outcome.matches("connected|state|refused|notConfigured|failed")) {
            return;
        }
        if ("connected".equals(outcome)) {
            Notices.info("exact.outcome.connected");
        } else {
            Notices.error("exact.outcome." + outcome);
        }
    }

    public Optional<ExactConnection> connection() {
        if (connection == null) {
            connection = connections.current();
        }
        return connection;
    }

    public ExactConnection getConnection() {
        return connection().orElse(null);
    }

    public boolean isConnected() {
        return connection().map(c -> c.getStatus() == ConnectionStatus.CONNECTED).orElse(false);
    }

    public boolean isConfigured() {
        return connections.configured();
    }

    public List<Division> getDivisions() {
        return connections.managedDivisions();
    }

    public List<SyncStatus> getSyncStatuses() {
        if (statuses == null) {
            statuses = syncStatus.status();
        }
        return statuses;
    }

    public List<WebhookSubscriptionStatus> getWebhookStatuses() {
        if (webhookStatuses == null) {
            webhookStatuses = webhooks.statuses();
        }
        return webhookStatuses;
    }

    /** Subscribes every division again; idempotent, so also the way to retry after a failure. */
    public void subscribeWebhooks() {
        if (!isConnected()) {
            Notices.error("exact.notConnected");
            return;
        }
        webhooks.subscribeAllInBackground(staff.actor());
        webhookStatuses = null;
        Notices.info("exact.webhooks.subscribing");
    }

    public boolean isSyncRunning() {
        return getSyncStatuses().stream().anyMatch(SyncStatus::running);
    }

    /** Sends the browser to Exact's login and consent page. */
    public void connect() throws IOException {
        try {
            String url = connections.authorizationUrl(authorization.begin());
            FacesContext.getCurrentInstance().getExternalContext().redirect(url);
        } catch (ExactNotConfiguredException e) {
            Notices.errorSentence(e.getMessage());
        }
    }

    public void syncNow() {
        if (!isConnected()) {
            Notices.error("exact.notConnected");
            return;
        }
        sync.syncAllInBackground(staff.actor());
        statuses = null;
        Notices.info("exact.syncStarted");
    }

    public void disconnect() {
        connections.disconnect(staff.actor());
        connection = null;
        Notices.info("exact.disconnected");
    }
}

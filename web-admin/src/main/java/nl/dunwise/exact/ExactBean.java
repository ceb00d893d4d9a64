package nl.dunwise.exact;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private List<Division> allDivisions;
    private Map<Integer, Boolean> managed;
    private List<EndpointErrors> endpointErrors;
    private Optional<Instant> scheduledSyncWaitsUntil;

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

    /** Every division of the connection, managed or not. */
    public List<Division> getAllDivisions() {
        if (allDivisions == null) {
            allDivisions = connections.divisions();
        }
        return allDivisions;
    }

    /** The "managed" switch of each division, by code. */
    public Map<Integer, Boolean> getManaged() {
        if (managed == null) {
            managed = new LinkedHashMap<>();
            getAllDivisions().forEach(d -> managed.put(d.getCode(), d.isManaged()));
        }
        return managed;
    }

    /** A credit manager flipped a division's switch. */
    public void managedChanged(int code) {
        if (!staff.isCreditManager()) {
            Notices.error("exact.division.notAllowed");
            return;
        }
        boolean on = Boolean.TRUE.equals(getManaged().get(code));
        connections.setManaged(code, on, staff.actor());
        allDivisions = null;
        managed = null;
        Notices.info(on ? "exact.division.nowManaged" : "exact.division.nowUnmanaged", code);
    }

    /** Exact Online's circuit is open: scheduled syncs and write-backs skip it until the next try. */
    public boolean isUnreachable() {
        return connection().map(c -> c.getCircuit().isOpen()).orElse(false);
    }

    /** Calls of the day's budget the scheduled sync leaves for write-back and for syncs people ask for. */
    public long getDailyReserve() {
        return connections.dailyReserve();
    }

    public long getMinutelyReserve() {
        return connections.minutelyReserve();
    }

    /** The daily reset the scheduled sync waits for because only the reserve is left; null while it runs. */
    public Instant getScheduledSyncWaitsUntil() {
        if (scheduledSyncWaitsUntil == null) {
            scheduledSyncWaitsUntil = connections.scheduledSyncWaitsUntil();
        }
        return scheduledSyncWaitsUntil.orElse(null);
    }

    /** Endpoints Exact answered errors on in the last hour, and whether Dunwise leaves them alone for now. */
    public List<EndpointErrors> getEndpointErrors() {
        if (endpointErrors == null) {
            endpointErrors = connections.endpointErrors();
        }
        return endpointErrors;
    }

    /** Dunwise's own limit of errors per endpoint and hour, below Exact's 10. */
    public int getErrorsAllowed() {
        return ExactEndpointErrors.STOP_AT;
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

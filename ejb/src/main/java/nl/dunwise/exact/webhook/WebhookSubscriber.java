package nl.dunwise.exact.webhook;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.exact.Division;
import nl.dunwise.exact.ExactCalls;
import nl.dunwise.exact.ExactConnectionService;
import nl.dunwise.exact.ExactNotConfiguredException;
import nl.dunwise.exact.ExactSettings;
import nl.dunwise.exact.client.ExactApiException;
import nl.dunwise.exact.client.CallPurpose;
import nl.dunwise.exact.client.ExactClient;
import nl.dunwise.exact.client.ExactJson;

/**
 * Subscribes every managed division to the topics Dunwise syncs, with the callback
 * {@code ${dunwise.admin.url}/hooks/exact}. Idempotent: a topic Exact already lists for that callback is
 * not subscribed again. A failure is recorded per topic and shown in the cockpit; it never breaks the
 * connection, since the scheduled sync works without webhooks.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookSubscriber {

    private static final Logger LOG = Logger.getLogger(WebhookSubscriber.class.getName());

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    @Inject
    private ExactConnectionService connections;

    @Inject
    private ExactSettings settings;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Asynchronous
    public void subscribeAllInBackground(Actor actor) {
        subscribeAll(actor);
    }

    public void subscribeAll(Actor actor) {
        for (Division division : connections.managedDivisions()) {
            subscribe(division.getCode(), actor);
        }
    }

    private void subscribe(int division, Actor actor) {
        String callback = settings.webhookCallbackUrl();
        if (settings.webhookSecret().isEmpty()) {
            for (WebhookTopic topic : WebhookTopic.values()) {
                failed(division, topic, callback, "No webhook secret is configured: set DUNWISE_EXACT_WEBHOOK_SECRET "
                        + "to the app's webhook secret from the Exact App Center, then subscribe again.");
            }
            return;
        }
        List<JsonObject> existing;
        try {
            ExactClient client = connections.client(CallPurpose.INTERACTIVE);
            existing = ExactCalls.withToken(connections, t -> client.webhookSubscriptions(t, division));
        } catch (ExactApiException | ExactNotConfiguredException e) {
            for (WebhookTopic topic : WebhookTopic.values()) {
                failed(division, topic, callback, "Exact Online's webhook subscriptions could not be read: " + e.getMessage());
            }
            return;
        }
        for (WebhookTopic topic : WebhookTopic.values()) {
            try {
                Optional<UUID> known = existing.stream()
                        .filter(s -> topic.exactName().equalsIgnoreCase(ExactJson.optionalString(s, "Topic").orElse(""))
                                && callback.equals(ExactJson.optionalString(s, "CallbackURL").orElse("")))
                        .map(s -> ExactJson.guid(s, "ID")).findFirst();
                if (known.isPresent()) {
                    subscribed(division, topic, callback, known.get());
                    continue;
                }
                ExactClient client = connections.client(CallPurpose.INTERACTIVE);
                JsonObject created = ExactCalls.withToken(connections,
                        t -> client.subscribeWebhook(t, division, callback, topic.exactName()));
                UUID id = ExactJson.guid(created, "ID");
                subscribed(division, topic, callback, id);
                audit.record(division, actor, "EXACT_WEBHOOK_SUBSCRIBED", "WebhookSubscription", id.toString(),
                        topic.exactName() + " -> " + callback);
            } catch (ExactApiException | ExactNotConfiguredException e) {
                failed(division, topic, callback, "Exact Online refused the subscription: " + e.getMessage());
            }
        }
    }

    public List<WebhookSubscriptionStatus> statuses() {
        List<WebhookSubscriptionStatus> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT division, topic, status, last_error, attempted_at
                FROM exact_webhook_subscription ORDER BY division, topic
                """); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new WebhookSubscriptionStatus(rs.getInt(1), rs.getString(2), "SUBSCRIBED".equals(rs.getString(3)),
                        rs.getString(4), rs.getTimestamp(5).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the webhook subscriptions: " + e.getMessage(), e);
        }
        return result;
    }

    private void subscribed(int division, WebhookTopic topic, String callback, UUID exactId) {
        store(division, topic, callback, exactId, "SUBSCRIBED", null);
    }

    private void failed(int division, WebhookTopic topic, String callback, String reason) {
        LOG.warning("Webhooks for " + topic.exactName() + " in division " + division + " are off: " + reason);
        store(division, topic, callback, null, "FAILED", reason);
    }

    /** A failure keeps the Exact ID of an earlier subscription: it may still be live at Exact. */
    private void store(int division, WebhookTopic topic, String callback, UUID exactId, String status, String error) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO exact_webhook_subscription (division, topic, callback_url, exact_id, status, last_error,
                                                        attempted_at, subscribed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, CASE WHEN ? = 'SUBSCRIBED' THEN ?::timestamptz END)
                ON CONFLICT (division, topic) DO UPDATE SET
                    callback_url = excluded.callback_url, exact_id = coalesce(excluded.exact_id, exact_webhook_subscription.exact_id),
                    status = excluded.status, last_error = excluded.last_error, attempted_at = excluded.attempted_at,
                    subscribed_at = coalesce(excluded.subscribed_at, exact_webhook_subscription.subscribed_at)
                """)) {
            Timestamp now = Timestamp.from(clock.instant());
            ps.setInt(1, division);
            ps.setString(2, topic.exactName());
            ps.setString(3, callback);
            ps.setObject(4, exactId);
            ps.setString(5, status);
            ps.setString(6, error);
            ps.setTimestamp(7, now);
            ps.setString(8, status);
            ps.setTimestamp(9, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a webhook subscription: " + e.getMessage(), e);
        }
    }
}

package nl.dunwise.sandbox.exact.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;

import nl.dunwise.sandbox.exact.store.Jdbc;

/** Subscriptions and deliveries in {@code jdbc/exactSandbox}; each method is one transaction. */
@Stateless
public class WebhookStore {

    @Resource(lookup = "jdbc/exactSandbox")
    DataSource dataSource;

    public record Subscription(UUID id, int division, String clientId, String topic, String callbackUrl,
                               UUID userId, String creatorFullName, Instant created) {
    }

    /** A delivery claimed for sending, with what its message needs. */
    public record Due(long id, int attempts, String callbackUrl, WebhookEvent event) {
    }

    private static final String SUBSCRIPTION_COLUMNS = "s.id, s.division, s.client_id, s.topic, s.callback_url, "
            + "s.user_id, u.full_name, s.created FROM exs_webhook_subscription s JOIN exs_user u ON u.id = s.user_id";

    /** An app sees only its own subscriptions, as at Exact. */
    public List<Subscription> subscriptions(int division, String clientId) {
        return query("SELECT " + SUBSCRIPTION_COLUMNS + " WHERE s.division = ? AND s.client_id = ? ORDER BY s.created, s.id",
                ps -> {
                    ps.setInt(1, division);
                    ps.setString(2, clientId);
                }, WebhookStore::subscription);
    }

    public List<Subscription> allSubscriptions() {
        return query("SELECT " + SUBSCRIPTION_COLUMNS + " ORDER BY s.created, s.id", ps -> { }, WebhookStore::subscription);
    }

    /** Stores the subscription; empty when the app already has this topic on this callback URL. */
    public Optional<Subscription> subscribe(int division, String clientId, WebhookTopic topic, String callbackUrl,
                                            String exactBase, UUID userId, Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = update("""
                INSERT INTO exs_webhook_subscription (id, division, client_id, topic, callback_url, exact_base, user_id, created)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (division, client_id, topic, callback_url) DO NOTHING
                """, ps -> {
                    ps.setObject(1, id);
                    ps.setInt(2, division);
                    ps.setString(3, clientId);
                    ps.setString(4, topic.topicName());
                    ps.setString(5, callbackUrl);
                    ps.setString(6, exactBase);
                    ps.setObject(7, userId);
                    ps.setTimestamp(8, Timestamp.from(now));
                });
        if (inserted == 0) {
            return Optional.empty();
        }
        return query("SELECT " + SUBSCRIPTION_COLUMNS + " WHERE s.id = ?", ps -> ps.setObject(1, id),
                WebhookStore::subscription).stream().findFirst();
    }

    /** Removes the subscription and whatever it still had to deliver. */
    public boolean unsubscribe(int division, String clientId, UUID id) {
        return update("DELETE FROM exs_webhook_subscription WHERE id = ? AND division = ? AND client_id = ?", ps -> {
            ps.setObject(1, id);
            ps.setInt(2, division);
            ps.setString(3, clientId);
        }) == 1;
    }

    /**
     * Claims up to {@code limit} deliveries due at {@code dueBefore}, counting the attempt and leasing them
     * until {@code leaseUntil}: if the sandbox stops while sending, they are sent again after the lease
     * (at least once). SKIP LOCKED lets concurrent dispatchers share the work.
     */
    public List<Due> claim(Instant dueBefore, Instant leaseUntil, int limit) {
        List<Due> due = query("""
                UPDATE exs_webhook_delivery d SET attempts = d.attempts + 1, next_attempt_at = ?
                FROM exs_webhook_subscription s
                WHERE s.id = d.subscription_id AND d.id IN (
                    SELECT id FROM exs_webhook_delivery
                    WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?
                    ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING d.id, d.attempts, s.callback_url, s.topic, s.client_id, s.division, d.action, d.entity_key,
                          s.exact_base, d.endpoint_path, d.event_created_on
                """, ps -> {
                    ps.setTimestamp(1, Timestamp.from(leaseUntil));
                    ps.setTimestamp(2, Timestamp.from(dueBefore));
                    ps.setInt(3, limit);
                }, rs -> {
                    UUID key = rs.getObject(8, UUID.class);
                    int division = rs.getInt(6);
                    return new Due(rs.getLong(1), rs.getInt(2), rs.getString(3), new WebhookEvent(rs.getString(4),
                            rs.getString(5), division, rs.getString(7), key,
                            WebhookEvent.endpoint(rs.getString(9), division, rs.getString(10), key),
                            rs.getTimestamp(11).toInstant()));
                });
        due.sort(Comparator.comparingLong(Due::id));
        return due;
    }

    public void delivered(long id, Instant at) {
        update("UPDATE exs_webhook_delivery SET delivered_at = ?, last_error = NULL WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, id);
        });
    }

    public void retryAt(long id, Instant next, String error) {
        update("UPDATE exs_webhook_delivery SET next_attempt_at = ?, last_error = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(next));
            ps.setString(2, error);
            ps.setLong(3, id);
        });
    }

    public void gaveUp(long id, Instant at, String error) {
        update("UPDATE exs_webhook_delivery SET failed_at = ?, last_error = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, error);
            ps.setLong(3, id);
        });
    }

    /** Deliveries by state, for the control endpoint. */
    public Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        query("""
                SELECT count(*) FILTER (WHERE delivered_at IS NULL AND failed_at IS NULL),
                       count(*) FILTER (WHERE delivered_at IS NOT NULL),
                       count(*) FILTER (WHERE failed_at IS NOT NULL),
                       count(*) FILTER (WHERE delivered_at IS NULL AND failed_at IS NULL AND attempts > 0)
                FROM exs_webhook_delivery
                """, ps -> { }, rs -> {
                    m.put("pending", rs.getLong(1));
                    m.put("delivered", rs.getLong(2));
                    m.put("failed", rs.getLong(3));
                    m.put("retrying", rs.getLong(4));
                    return m;
                });
        return m;
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getTimestamp(8).toInstant());
    }

    private <T> List<T> query(String sql, Jdbc.Binder binder, Jdbc.Mapper<T> mapper) {
        return Jdbc.query(dataSource, sql, binder, mapper);
    }

    private int update(String sql, Jdbc.Binder binder) {
        return Jdbc.update(dataSource, sql, binder);
    }
}

package nl.dunwise.exact.webhook;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** The received webhook events: stored once each, gathered per division, settled by one sync. */
@Stateless
public class WebhookInbox {

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    public WebhookInbox() {
    }

    /** For tests that run the inbox SQL on a database of their own. */
    WebhookInbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores an event unless it was stored before (Exact delivers at least once) or is about a division
     * Dunwise does not manage. Answers whether it was new.
     */
    public boolean record(WebhookTopic topic, WebhookEvent event, Instant receivedAt) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO exact_webhook_event (division, topic, action, exact_key, event_created_on, received_at)
                SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM division WHERE code = ? AND managed)
                ON CONFLICT (topic, exact_key, action, event_created_on) DO NOTHING
                """)) {
            ps.setInt(1, event.division());
            ps.setString(2, topic.exactName());
            ps.setString(3, event.action());
            ps.setObject(4, event.key());
            ps.setTimestamp(5, Timestamp.from(event.createdOn()));
            ps.setTimestamp(6, Timestamp.from(receivedAt));
            ps.setInt(7, event.division());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store a webhook event: " + e.getMessage(), e);
        }
    }

    /** Per division, the topics of its unsettled events and the newest of them: what one sync settles. */
    public List<PendingSync> pending() {
        List<PendingSync> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT division, array_agg(DISTINCT topic), max(id), count(*), bool_or(action = 'Delete')
                FROM exact_webhook_event WHERE processed_at IS NULL
                GROUP BY division ORDER BY division
                """); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Set<WebhookTopic> topics = EnumSet.noneOf(WebhookTopic.class);
                Array array = rs.getArray(2);
                for (Object name : (Object[]) array.getArray()) {
                    WebhookTopic.named((String) name).ifPresent(topics::add);
                }
                result.add(new PendingSync(rs.getInt(1), topics, rs.getBoolean(5), rs.getLong(3), rs.getInt(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the webhook events: " + e.getMessage(), e);
        }
        return result;
    }

    /** The sync ran: every event it covered is settled; later ones wait for the next round. */
    public int settled(PendingSync sync, Instant at) {
        return update("""
                UPDATE exact_webhook_event SET processed_at = ?, last_error = NULL
                WHERE division = ? AND id <= ? AND processed_at IS NULL
                """, Timestamp.from(at), sync);
    }

    /** The sync failed: the events stay unsettled and are tried again next round. */
    public int failed(PendingSync sync, String error) {
        return update("""
                UPDATE exact_webhook_event SET attempts = attempts + 1, last_error = ?
                WHERE division = ? AND id <= ? AND processed_at IS NULL
                """, error, sync);
    }

    /** Settled events are only history; keep a week of them for questions, then let them go. */
    public int forgetSettledBefore(Instant before) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM exact_webhook_event WHERE processed_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(before));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot remove old webhook events: " + e.getMessage(), e);
        }
    }

    /** Sets {@code value} (the first parameter) on the events {@code sync} covers. */
    private int update(String sql, Object value, PendingSync sync) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, value);
            ps.setInt(2, sync.division());
            ps.setLong(3, sync.upToEventId());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the webhook events: " + e.getMessage(), e);
        }
    }
}

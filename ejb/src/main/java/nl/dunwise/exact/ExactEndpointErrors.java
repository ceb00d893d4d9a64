package nl.dunwise.exact;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import nl.dunwise.exact.client.EndpointGuard;
import nl.dunwise.exact.client.ExactEndpoint;

/**
 * The errors Exact answered per division and endpoint, in the table {@code exact_endpoint_error} that every
 * server shares. Exact blocks an app on an endpoint for an hour after 10 errors there within an hour (and longer
 * when it goes on); Dunwise stops calling an endpoint once {@link #STOP_AT} errors fall within the last hour, and
 * for an hour after Exact said it blocked it. The hour is counted back from now (a sliding hour), so whatever
 * hour Exact counts in, it never holds more errors than Dunwise allowed itself.
 */
@Stateless
public class ExactEndpointErrors {

    private static final Logger LOG = Logger.getLogger(ExactEndpointErrors.class.getName());

    /** Exact's limit is 10; two below it leave room for calls other servers have under way when the count is read. */
    public static final int STOP_AT = 8;

    static final Duration HOUR = Duration.ofHours(1);
    private static final Duration KEEP = Duration.ofDays(1);

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    public ExactEndpointErrors() {
    }

    /** For tests on a database of their own. */
    ExactEndpointErrors(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The guard of a client outside the server ({@code ./dunwise bench exact}), on the same shared counts. */
    public static EndpointGuard guardOn(DataSource dataSource, Clock clock) {
        return new GuardedEndpoints(new ExactEndpointErrors(dataSource), clock);
    }

    /*
     * The moment the endpoint may be called again: an hour after the STOP_AT-th newest error of the last hour
     * (then fewer than STOP_AT remain within the hour), or an hour after Exact last said it was blocked.
     */
    private static final String PAUSED_UNTIL = """
            SELECT greatest(
                (SELECT occurred_at FROM exact_endpoint_error
                 WHERE division = ? AND endpoint = ? AND occurred_at > ?
                 ORDER BY occurred_at DESC OFFSET ? LIMIT 1),
                (SELECT max(occurred_at) FROM exact_endpoint_error
                 WHERE division = ? AND endpoint = ? AND occurred_at > ? AND blocked)) + interval '1 hour'
            """;

    /** Until when Dunwise leaves the endpoint alone, if it must now. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> pausedUntil(ExactEndpoint endpoint, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            return pausedUntil(c, endpoint.division(), endpoint.path(), now);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the errors of " + endpoint.path() + " failed: " + e.getMessage(), e);
        }
    }

    private static Optional<Instant> pausedUntil(Connection c, int division, String endpoint, Instant now)
            throws SQLException {
        OffsetDateTime since = ts(now.minus(HOUR));
        try (PreparedStatement ps = c.prepareStatement(PAUSED_UNTIL)) {
            ps.setInt(1, division);
            ps.setString(2, endpoint);
            ps.setObject(3, since);
            ps.setInt(4, STOP_AT - 1);
            ps.setInt(5, division);
            ps.setString(6, endpoint);
            ps.setObject(7, since);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime until = rs.getObject(1, OffsetDateTime.class);
                return until == null || !until.toInstant().isAfter(now) ? Optional.empty() : Optional.of(until.toInstant());
            }
        }
    }

    /**
     * Counts an error Exact answered (or its word that the endpoint is blocked). In a transaction of its own: the
     * count must stand even when the caller's work rolls back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(ExactEndpoint endpoint, int status, String message, boolean blocked, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO exact_endpoint_error (division, endpoint, status, message, blocked, occurred_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)) {
                ps.setInt(1, endpoint.division());
                ps.setString(2, endpoint.path());
                ps.setInt(3, status);
                ps.setString(4, message);
                ps.setBoolean(5, blocked);
                ps.setObject(6, ts(at));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM exact_endpoint_error WHERE occurred_at < ?")) {
                ps.setObject(1, ts(at.minus(KEEP)));
                ps.executeUpdate();
            }
            Optional<Instant> paused = pausedUntil(c, endpoint.division(), endpoint.path(), at);
            paused.ifPresent(until -> LOG.warning(() -> "Exact Online " + endpoint.path() + " of division "
                    + endpoint.division() + ": " + (blocked ? "blocked by Exact" : STOP_AT + " errors within an hour")
                    + "; Dunwise calls it again after " + until + ". Last error: " + message));
        } catch (SQLException e) {
            throw new IllegalStateException("Counting an error of " + endpoint.path() + " failed: " + e.getMessage(), e);
        }
    }

    /** Per division and endpoint, the errors of the last hour, newest endpoint first, for the cockpit. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<EndpointErrors> lastHour(Instant now) {
        List<EndpointErrors> list = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT division, endpoint, count(*), max(occurred_at),
                       (array_agg(status ORDER BY occurred_at DESC, id DESC))[1],
                       (array_agg(message ORDER BY occurred_at DESC, id DESC))[1]
                FROM exact_endpoint_error WHERE occurred_at > ?
                GROUP BY division, endpoint ORDER BY max(occurred_at) DESC
                """)) {
            ps.setObject(1, ts(now.minus(HOUR)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int division = rs.getInt(1);
                    String endpoint = rs.getString(2);
                    list.add(new EndpointErrors(division, endpoint, rs.getInt(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getInt(5), rs.getString(6),
                            pausedUntil(c, division, endpoint, now).orElse(null)));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the errors of Exact's endpoints failed: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

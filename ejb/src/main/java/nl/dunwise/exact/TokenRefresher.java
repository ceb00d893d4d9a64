package nl.dunwise.exact;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.logging.Logger;
import javax.sql.DataSource;
import nl.dunwise.exact.client.InvalidGrantException;
import nl.dunwise.exact.client.TokenGrant;

/**
 * Hands out a usable access token and refreshes it when it is due, one refresher at a time across threads and
 * servers. Exact rotates refresh tokens (the one sent dies when the answer is issued) and refuses a refresh
 * earlier than 570 s after the last access token was issued, so each refresh runs in one local transaction
 * that holds the connection row ({@code FOR UPDATE}) from reading the refresh token until the new one is
 * committed; only then is the new access token returned. Everyone waiting on the lock then reads the new
 * tokens and uses them without a call to Exact. Plain JDBC, so the same code runs in the container (called
 * outside any JTA transaction) and in tests against a database of their own.
 */
public class TokenRefresher {

    private static final Logger LOG = Logger.getLogger(TokenRefresher.class.getName());

    /** Exact refuses a refresh earlier than this after the last access token was issued. */
    static final Duration EXACT_MIN_REFRESH_AGE = Duration.ofSeconds(570);

    /**
     * Servers' clocks differ a little, and our issue time is the moment we stored the answer, not Exact's:
     * refreshing a few seconds after Exact's earliest moment keeps a refresh from being refused as too early
     * (which would be an invalid_grant, indistinguishable from a revocation).
     */
    static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(5);

    /** A token handed out keeps at least this long to live, so that the call it is meant for can finish. */
    static final Duration MIN_REMAINING_LIFE = Duration.ofSeconds(25);

    static final String REVOKED_MESSAGE = "Exact Online no longer accepts Dunwise's authorization (the refresh token was refused). "
            + "A credit manager must click \"Reconnect to Exact Online\" in the cockpit.";

    private final DataSource dataSource;
    private final TokenEndpoint endpoint;
    private final TokenCipher cipher;
    private final Clock clock;

    public TokenRefresher(DataSource dataSource, TokenEndpoint endpoint, TokenCipher cipher, Clock clock) {
        this.dataSource = dataSource;
        this.endpoint = endpoint;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * A usable access token of the connection, refreshed first when it is due. With {@code force} (Exact
     * refused a token we believed valid) it is refreshed as soon as Exact allows, whatever its expiry time.
     *
     * @throws ExactNotConfiguredException the connection is not connected (revoked or disconnected)
     * @throws ExactConnectionRevokedException Exact refused the stored refresh token; the connection is now REVOKED
     */
    public String accessToken(long connectionId, boolean force) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                String token = accessToken(c, connectionId, force);
                c.commit();
                return token;
            } catch (RevokedNow revoked) {
                c.commit();
                throw new ExactConnectionRevokedException(REVOKED_MESSAGE);
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading or storing the Exact Online tokens failed: " + e.getMessage(), e);
        }
    }

    private String accessToken(Connection c, long connectionId, boolean force) throws SQLException, RevokedNow {
        Stored stored = lock(c, connectionId);
        if (!ConnectionStatus.CONNECTED.name().equals(stored.status)) {
            throw new ExactNotConfiguredException("The Exact Online connection is " + stored.status.toLowerCase()
                    + ": a credit manager must reconnect it in the cockpit.");
        }
        Instant now = clock.instant();
        if (stored.accessToken != null && !refreshDue(stored, now, force)) {
            return cipher.decrypt(stored.accessToken);
        }
        if (stored.refreshToken == null) {
            throw new ExactNotConfiguredException("The Exact Online connection has no refresh token: a credit manager must reconnect it in the cockpit.");
        }
        TokenGrant grant;
        try {
            grant = endpoint.refresh(cipher.decrypt(stored.refreshToken));
        } catch (InvalidGrantException e) {
            return afterRefusal(c, connectionId, stored, e);
        }
        store(c, connectionId, grant, clock.instant());
        return grant.accessToken();
    }

    /**
     * Due when it expires within the margin; forced, as soon as Exact accepts a refresh. A forced refresh before
     * that would be refused: then the stored token is still the newest there is (if it was refreshed a moment
     * ago, by a thread that met the same 401, it is a fresh one).
     */
    private static boolean refreshDue(Stored stored, Instant now, boolean force) {
        if (stored.expiresAt == null || stored.issuedAt == null || !now.isBefore(stored.expiresAt.minus(MIN_REMAINING_LIFE))) {
            return true;
        }
        return force && !now.isBefore(stored.issuedAt.plus(EXACT_MIN_REFRESH_AGE).plus(CLOCK_TOLERANCE));
    }

    /**
     * Exact refused the refresh token. Only the token we hold under the lock proves a revocation: if the row
     * carries another one now, someone else rotated it (which the lock should make impossible) and theirs is
     * used. A refusal of the stored token means nobody can refresh any more: REVOKED, committed with an audit
     * event, so that every later call fails at once with a plain message instead of asking Exact again.
     */
    private String afterRefusal(Connection c, long connectionId, Stored sent, InvalidGrantException refusal) throws SQLException, RevokedNow {
        Stored now = lock(c, connectionId);
        if (now.refreshToken != null && !Arrays.equals(now.refreshToken, sent.refreshToken)
                && !cipher.decrypt(now.refreshToken).equals(cipher.decrypt(sent.refreshToken))) {
            LOG.warning("Exact Online refused a refresh token that another refresher had already replaced; using the new tokens");
            return cipher.decrypt(now.accessToken);
        }
        LOG.warning("Exact Online refused the stored refresh token; the connection needs a person to reconnect: " + refusal.getMessage());
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE exact_connection SET status = 'REVOKED', last_error = ?, access_token_enc = NULL, refresh_token_enc = NULL,
                       access_token_issued_at = NULL, access_token_expires_at = NULL, version = version + 1
                WHERE id = ?
                """)) {
            ps.setString(1, REVOKED_MESSAGE);
            ps.setLong(2, connectionId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO audit_event (division, occurred_at, actor, actor_kind, action, subject_type, subject_id, details)
                VALUES (?, ?, 'system', 'SYSTEM', 'EXACT_REVOKED', 'ExactConnection', ?, ?)
                """)) {
            ps.setObject(1, sent.division);
            ps.setObject(2, utc(clock.instant()));
            ps.setString(3, Long.toString(connectionId));
            ps.setString(4, refusal.getMessage());
            ps.executeUpdate();
        }
        throw new RevokedNow();
    }

    private static Stored lock(Connection c, long connectionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT status, access_token_enc, access_token_issued_at, access_token_expires_at, refresh_token_enc, current_division
                FROM exact_connection WHERE id = ? FOR UPDATE
                """)) {
            ps.setLong(1, connectionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ExactNotConfiguredException("Dunwise is not connected to Exact Online yet: a credit manager must click \"Connect to Exact Online\" in the cockpit.");
                }
                return new Stored(rs.getString(1), rs.getBytes(2), instant(rs, 3), instant(rs, 4), rs.getBytes(5),
                        (Integer) rs.getObject(6));
            }
        }
    }

    /** The version moves too, so that a JPA copy of the connection read before cannot overwrite the new tokens. */
    private void store(Connection c, long connectionId, TokenGrant grant, Instant issuedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE exact_connection SET access_token_enc = ?, refresh_token_enc = ?, access_token_issued_at = ?,
                       access_token_expires_at = ?, last_error = NULL, version = version + 1
                WHERE id = ?
                """)) {
            ps.setBytes(1, cipher.encrypt(grant.accessToken()));
            ps.setBytes(2, cipher.encrypt(grant.refreshToken()));
            ps.setObject(3, utc(issuedAt));
            ps.setObject(4, utc(issuedAt.plus(grant.expiresIn())));
            ps.setLong(5, connectionId);
            ps.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record Stored(String status, byte[] accessToken, Instant issuedAt, Instant expiresAt, byte[] refreshToken,
            Integer division) {
    }

    /** The REVOKED status and its audit event are to be committed before the caller hears of it. */
    private static final class RevokedNow extends Exception {
        RevokedNow() {
            super(null, null, false, false);
        }
    }
}

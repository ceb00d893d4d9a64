package nl.dunwise.sandbox.exact.oauth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import nl.dunwise.sandbox.exact.SandboxSettings;
import nl.dunwise.sandbox.exact.oauth.TokenPolicy.CodeState;
import nl.dunwise.sandbox.exact.oauth.TokenPolicy.GrantState;
import nl.dunwise.sandbox.exact.oauth.TokenPolicy.RefreshState;
import nl.dunwise.sandbox.exact.store.Jdbc;

/**
 * Codes, connections (grants) and tokens in PostgreSQL. Each method is one transaction; the rows a
 * refresh depends on are locked ({@code FOR UPDATE}) so that two concurrent refreshes with the same
 * token cannot both succeed, exactly the race a client must be built to avoid.
 */
@Stateless
public class TokenStore {

    @Resource(lookup = "jdbc/exactSandbox")
    DataSource dataSource;

    @Inject
    SandboxSettings settings;

    @Inject
    Clock clock;

    /** What the token endpoint answers. */
    public record Issued(String accessToken, String refreshToken, long expiresInSeconds) {
    }

    TokenPolicy policy() {
        return new TokenPolicy(clock, Duration.ofSeconds(settings.accessTokenSeconds()),
                Duration.ofSeconds(settings.minRefreshSeconds()));
    }

    public String issueCode(String clientId, String redirectUri, UUID userId) {
        String code = Tokens.newCode();
        Instant now = clock.instant();
        run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO exs_oauth_code (code_hash, client_id, "
                    + "redirect_uri, user_id, issued_at) VALUES (?,?,?,?,?)")) {
                Jdbc.bind(ps, Tokens.hash(code), clientId, redirectUri, userId, Jdbc.utc(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM exs_oauth_code WHERE issued_at < ?")) {
                ps.setObject(1, Jdbc.utc(now.minus(Duration.ofDays(1))));
                ps.executeUpdate();
            }
            return null;
        });
        return code;
    }

    public Issued exchangeCode(String code, String clientId, String clientSecret, String redirectUri) {
        TokenPolicy policy = policy();
        policy.checkClient(settings.clientId(), settings.clientSecret(), clientId, clientSecret);
        if (code == null || code.isEmpty()) {
            throw new OAuthException("invalid_request", "The code parameter is missing.");
        }
        if (redirectUri == null || redirectUri.isEmpty()) {
            throw new OAuthException("invalid_request", "The redirect_uri parameter is missing.");
        }
        return run(c -> {
            String hash = Tokens.hash(code);
            CodeState state = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT client_id, redirect_uri, user_id, issued_at, used_at "
                    + "FROM exs_oauth_code WHERE code_hash = ? FOR UPDATE")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        state = new CodeState(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                                Jdbc.instant(rs, 4), Jdbc.instant(rs, 5));
                    }
                }
            }
            policy.checkCode(state, clientId, redirectUri);
            Instant now = policy.now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE exs_oauth_code SET used_at = ? WHERE code_hash = ?")) {
                Jdbc.bind(ps, Jdbc.utc(now), hash);
                ps.executeUpdate();
            }
            UUID grant = UUID.randomUUID();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO exs_oauth_grant (id, client_id, user_id, "
                    + "created_at, last_access_issued_at) VALUES (?,?,?,?,?)")) {
                Jdbc.bind(ps, grant, clientId, state.userId(), Jdbc.utc(now), Jdbc.utc(now));
                ps.executeUpdate();
            }
            return issue(c, policy, grant, now);
        });
    }

    public Issued refresh(String refreshToken, String clientId, String clientSecret) {
        TokenPolicy policy = policy();
        policy.checkClient(settings.clientId(), settings.clientSecret(), clientId, clientSecret);
        if (refreshToken == null || refreshToken.isEmpty()) {
            throw new OAuthException("invalid_request", "The refresh_token parameter is missing.");
        }
        return run(c -> {
            String hash = Tokens.hash(refreshToken);
            RefreshState token = null;
            GrantState grant = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT r.grant_id, r.issued_at, r.used_at, g.client_id, "
                    + "g.user_id, g.last_access_issued_at, g.revoked_at FROM exs_refresh_token r "
                    + "JOIN exs_oauth_grant g ON g.id = r.grant_id WHERE r.token_hash = ? FOR UPDATE")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        UUID grantId = rs.getObject(1, UUID.class);
                        token = new RefreshState(grantId, Jdbc.instant(rs, 2), Jdbc.instant(rs, 3));
                        grant = new GrantState(grantId, rs.getString(4), rs.getObject(5, UUID.class),
                                Jdbc.instant(rs, 6), Jdbc.instant(rs, 7));
                    }
                }
            }
            policy.checkRefresh(token, grant, clientId);
            Instant now = policy.now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE exs_refresh_token SET used_at = ? WHERE token_hash = ?")) {
                Jdbc.bind(ps, Jdbc.utc(now), hash);
                ps.executeUpdate();
            }
            return issue(c, policy, grant.id(), now);
        });
    }

    private static Issued issue(Connection c, TokenPolicy policy, UUID grant, Instant now) throws SQLException {
        String access = Tokens.newAccessToken();
        String refresh = Tokens.newRefreshToken();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO exs_access_token (token_hash, grant_id, issued_at, "
                + "expires_at) VALUES (?,?,?,?)")) {
            Jdbc.bind(ps, Tokens.hash(access), grant, Jdbc.utc(now), Jdbc.utc(policy.accessExpiry(now)));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO exs_refresh_token (token_hash, grant_id, issued_at) "
                + "VALUES (?,?,?)")) {
            Jdbc.bind(ps, Tokens.hash(refresh), grant, Jdbc.utc(now));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE exs_oauth_grant SET last_access_issued_at = ? WHERE id = ?")) {
            Jdbc.bind(ps, Jdbc.utc(now), grant);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM exs_access_token WHERE expires_at < ?")) {
            ps.setObject(1, Jdbc.utc(now.minus(Duration.ofDays(1))));
            ps.executeUpdate();
        }
        return new Issued(access, refresh, policy.accessTtl().toSeconds());
    }

    /** The caller behind a bearer token, or empty when the token is unknown, expired or revoked. */
    public Optional<ApiPrincipal> authenticate(String accessToken) {
        if (accessToken == null || accessToken.isEmpty()) {
            return Optional.empty();
        }
        TokenPolicy policy = policy();
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.expires_at, g.id, g.client_id, g.user_id, "
                    + "g.last_access_issued_at, g.revoked_at, u.current_division FROM exs_access_token a "
                    + "JOIN exs_oauth_grant g ON g.id = a.grant_id JOIN exs_user u ON u.id = g.user_id "
                    + "WHERE a.token_hash = ?")) {
                ps.setString(1, Tokens.hash(accessToken));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<ApiPrincipal>empty();
                    }
                    GrantState grant = new GrantState(rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getObject(4, UUID.class), Jdbc.instant(rs, 5), Jdbc.instant(rs, 6));
                    if (!policy.accessValid(Jdbc.instant(rs, 1), grant)) {
                        return Optional.<ApiPrincipal>empty();
                    }
                    return Optional.of(new ApiPrincipal(grant.clientId(), grant.userId(), grant.id(), rs.getInt(7)));
                }
            }
        });
    }

    /**
     * Whose access token this is, valid or not (expired, revoked): Exact charges the errors a 401 counts to the
     * app and user whose token was refused. Empty for a token it never issued.
     */
    public Optional<ApiPrincipal> holder(String accessToken) {
        if (accessToken == null || accessToken.isEmpty()) {
            return Optional.empty();
        }
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT g.id, g.client_id, g.user_id, u.current_division "
                    + "FROM exs_access_token a JOIN exs_oauth_grant g ON g.id = a.grant_id "
                    + "JOIN exs_user u ON u.id = g.user_id WHERE a.token_hash = ?")) {
                ps.setString(1, Tokens.hash(accessToken));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new ApiPrincipal(rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getObject(1, UUID.class), rs.getInt(4))) : Optional.<ApiPrincipal>empty();
                }
            }
        });
    }

    /** Revokes every connection: all access and refresh tokens stop working at once. */
    public int revokeAll() {
        Instant now = clock.instant();
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE exs_oauth_grant SET revoked_at = ? WHERE revoked_at IS NULL")) {
                ps.setObject(1, Jdbc.utc(now));
                return ps.executeUpdate();
            }
        });
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Exact sandbox token store failed: " + e.getMessage(), e);
        }
    }
}

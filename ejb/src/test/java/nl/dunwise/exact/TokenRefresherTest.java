package nl.dunwise.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import nl.dunwise.exact.client.TokenGrant;
import nl.dunwise.platform.DatabaseMigration;
import nl.dunwise.testing.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Exact's rotating refresh tokens against two Dunwise servers on real PostgreSQL (a database of its own,
 * dropped afterwards): every server has its own data source, many threads ask for a token at the moment it
 * expires, and the connection row lock must turn that into one refresh whose new refresh token is stored.
 */
class TokenRefresherTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final String DB = "dunwise_unit_tokens_" + ProcessHandle.current().pid();
    private static final String HOST = System.getenv().getOrDefault("DUNWISE_DB_HOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("DUNWISE_DB_PORT", "5432");
    private static final String USER = System.getenv().getOrDefault("DUNWISE_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("DUNWISE_DB_PASSWORD", "");
    private static final int THREADS_PER_SERVER = 8;

    private static final TokenCipher CIPHER = new TokenCipher(Optional.of(Base64.getEncoder().encodeToString(new byte[32])));

    private final MovableClock clock = new MovableClock(T0);
    private long connectionId;

    @BeforeAll
    static void createDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + DB);
        admin("CREATE DATABASE " + DB);
        DatabaseMigration.migrateSchema(server());
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
    }

    @BeforeEach
    void connectionFreshlyAuthorized() {
        clock.set(T0);
    }

    @Test
    void twoServersRacingForAnExpiredTokenRefreshItOnceAndAllUseTheNewOne() throws Exception {
        ExactTokenDesk exact = new ExactTokenDesk(clock, Duration.ofMillis(50));
        connect(exact);
        List<TokenRefresher> servers = List.of(new TokenRefresher(server(), exact, CIPHER, clock),
                new TokenRefresher(server(), exact, CIPHER, clock));

        for (int round = 1; round <= 5; round++) {
            clock.advance(ExactTokenDesk.ACCESS_LIFETIME);

            Set<String> handedOut = race(servers, false);

            assertEquals(round, exact.calls(), "one refresh per expiry, in round " + round);
            assertEquals(Set.of(exact.newestAccessToken()), handedOut, "every thread got the new access token");
            assertEquals(exact.liveRefreshToken(), storedRefreshToken(), "the stored refresh token is the live one");
            assertEquals("CONNECTED", status());
        }
        assertEquals(0, exact.refusals());
    }

    @Test
    void threadsThatAllMetA401RefreshOnceBetweenThem() throws Exception {
        ExactTokenDesk exact = new ExactTokenDesk(clock, Duration.ofMillis(50));
        connect(exact);
        List<TokenRefresher> servers = List.of(new TokenRefresher(server(), exact, CIPHER, clock),
                new TokenRefresher(server(), exact, CIPHER, clock));
        clock.advance(TokenRefresher.EXACT_MIN_REFRESH_AGE.plus(TokenRefresher.CLOCK_TOLERANCE));

        Set<String> handedOut = race(servers, true);

        assertEquals(1, exact.calls(), "the first forced refresh serves the others: a second one would be refused as too early");
        assertEquals(Set.of(exact.newestAccessToken()), handedOut);
        assertEquals(exact.liveRefreshToken(), storedRefreshToken());
        assertEquals(0, exact.refusals());
        assertEquals("CONNECTED", status());
    }

    @Test
    void aTokenWithTimeLeftIsUsedWithoutAskingExact() throws SQLException {
        ExactTokenDesk exact = new ExactTokenDesk(clock, Duration.ZERO);
        TokenGrant authorized = connect(exact);
        clock.advance(Duration.ofSeconds(500));

        assertEquals(authorized.accessToken(), new TokenRefresher(server(), exact, CIPHER, clock).accessToken(connectionId, false));
        assertEquals(0, exact.calls());
    }

    @Test
    void aForcedRefreshBeforeExactAllowsOneKeepsTheCurrentTokenInsteadOfBeingRefused() throws SQLException {
        ExactTokenDesk exact = new ExactTokenDesk(clock, Duration.ZERO);
        TokenGrant authorized = connect(exact);
        clock.advance(Duration.ofSeconds(100));

        assertEquals(authorized.accessToken(), new TokenRefresher(server(), exact, CIPHER, clock).accessToken(connectionId, true));
        assertEquals(0, exact.calls());
        assertEquals("CONNECTED", status());
    }

    @Test
    void aServerThatDiesBetweenExactsAnswerAndTheCommitLosesTheConnectionWhichIsMarkedRevokedOnce() throws SQLException {
        ExactTokenDesk exact = new ExactTokenDesk(clock, Duration.ZERO);
        TokenGrant authorized = connect(exact);
        TokenRefresher dying = new TokenRefresher(server(TokenRefresherTest::commitFails), exact, CIPHER, clock);
        TokenRefresher survivor = new TokenRefresher(server(), exact, CIPHER, clock);
        clock.advance(ExactTokenDesk.ACCESS_LIFETIME);

        assertThrows(IllegalStateException.class, () -> dying.accessToken(connectionId, false));
        assertEquals(authorized.refreshToken(), storedRefreshToken(), "the rotated token never reached the database");

        ExactConnectionRevokedException revoked = assertThrows(ExactConnectionRevokedException.class,
                () -> survivor.accessToken(connectionId, false));
        assertTrue(revoked.getMessage().contains("Reconnect to Exact Online"), revoked.getMessage());
        assertEquals("REVOKED", status());
        assertEquals(TokenRefresher.REVOKED_MESSAGE, scalar("SELECT last_error FROM exact_connection WHERE id = " + connectionId));
        assertNull(scalar("SELECT refresh_token_enc FROM exact_connection WHERE id = " + connectionId));
        assertEquals(1L, scalar("SELECT count(*) FROM audit_event WHERE action = 'EXACT_REVOKED' AND subject_id = '" + connectionId + "'"));

        clock.advance(Duration.ofMinutes(10));
        assertThrows(ExactNotConfiguredException.class, () -> survivor.accessToken(connectionId, false));
        assertThrows(ExactNotConfiguredException.class, () -> dying.accessToken(connectionId, true));
        assertEquals(2, exact.calls(), "a revoked connection never asks Exact again");
    }

    @Test
    void aRefusalOfATokenAnotherServerHasAlreadyRotatedDoesNotRevokeTheConnection() throws SQLException {
        ExactTokenDesk exact = new ExactTokenDesk(clock, Duration.ZERO);
        connect(exact);
        // A server that reads the token without the row lock (as a version without it would) is overtaken by one
        // that holds it: its refusal must not count as a revocation, because the stored token is newer than the one sent.
        TokenRefresher unlocked = new TokenRefresher(server(TokenRefresherTest::withoutRowLock), exact, CIPHER, clock);
        TokenRefresher locked = new TokenRefresher(server(), exact, CIPHER, clock);
        clock.advance(ExactTokenDesk.ACCESS_LIFETIME);
        List<String> rival = new ArrayList<>();
        exact.beforeNextAnswer(() -> rival.add(locked.accessToken(connectionId, false)));

        String token = unlocked.accessToken(connectionId, false);

        assertEquals(1, exact.refusals());
        assertEquals(rival, List.of(token));
        assertEquals(exact.newestAccessToken(), token);
        assertEquals(exact.liveRefreshToken(), storedRefreshToken());
        assertEquals("CONNECTED", status());
    }

    /** Every thread of every server asks at once; answers the access tokens they were handed. */
    private Set<String> race(List<TokenRefresher> servers, boolean force) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(servers.size() * THREADS_PER_SERVER);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> asked = new ArrayList<>();
            for (TokenRefresher server : servers) {
                for (int i = 0; i < THREADS_PER_SERVER; i++) {
                    asked.add(pool.submit(() -> {
                        start.await();
                        return server.accessToken(connectionId, force);
                    }));
                }
            }
            start.countDown();
            Set<String> tokens = new HashSet<>();
            for (Future<String> answer : asked) {
                tokens.add(answer.get());
            }
            return tokens;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A connection just authorized at the current time, as completeAuthorization stores it. */
    private TokenGrant connect(ExactTokenDesk exact) {
        TokenGrant grant = exact.authorize();
        try (Connection c = server().getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO exact_connection (country, base_url, status, current_division, access_token_enc, refresh_token_enc,
                                              access_token_issued_at, access_token_expires_at)
                VALUES ('nl', 'http://exact', 'CONNECTED', 3124567, ?, ?, ?, ?) RETURNING id
                """)) {
            ps.setBytes(1, CIPHER.encrypt(grant.accessToken()));
            ps.setBytes(2, CIPHER.encrypt(grant.refreshToken()));
            ps.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
            ps.setObject(4, clock.instant().plus(grant.expiresIn()).atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                connectionId = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return grant;
    }

    private String storedRefreshToken() throws SQLException {
        return CIPHER.decrypt((byte[]) scalar("SELECT refresh_token_enc FROM exact_connection WHERE id = " + connectionId));
    }

    private String status() throws SQLException {
        return (String) scalar("SELECT status FROM exact_connection WHERE id = " + connectionId);
    }

    private static Object scalar(String sql) throws SQLException {
        try (Connection c = server().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    /** One Dunwise server's data source: connections of its own. */
    private static DataSource server() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://" + HOST + ":" + PORT + "/" + DB + "?currentSchema=dunwise");
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }

    /** A server whose every connection goes through {@code change}. */
    private static DataSource server(UnaryOperator<Connection> change) {
        DataSource real = server();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    return result instanceof Connection c ? change.apply(c) : result;
                });
    }

    /** The process dies (or loses the database) after Exact answered: the commit never happens. */
    private static Connection commitFails(Connection real) {
        return connection(real, (method, args) -> {
            if (method.getName().equals("commit")) {
                throw new SQLException("the server died before the commit");
            }
            return invoke(method, real, args);
        });
    }

    private static Connection withoutRowLock(Connection real) {
        return connection(real, (method, args) -> {
            if (method.getName().equals("prepareStatement") && args[0] instanceof String sql) {
                return real.prepareStatement(sql.replace("FOR UPDATE", ""));
            }
            return invoke(method, real, args);
        });
    }

    private interface Call {
        Object on(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static Connection connection(Connection real, Call call) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> call.on(method, args));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}

package nl.dunwise.sandbox.exact.oauth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.dunwise.sandbox.exact.MutableClock;
import nl.dunwise.sandbox.exact.oauth.TokenPolicy.CodeState;
import nl.dunwise.sandbox.exact.oauth.TokenPolicy.GrantState;
import nl.dunwise.sandbox.exact.oauth.TokenPolicy.RefreshState;

class TokenPolicyTest {

    private static final String CLIENT = "c0ffee00-0000-4000-8000-000000000001";
    private static final String REDIRECT = "http://127.0.0.1:9080/dunwise/exact/callback";
    private static final UUID USER = UUID.randomUUID();
    private static final UUID GRANT = UUID.randomUUID();

    private final MutableClock clock = MutableClock.at("2026-03-10T10:00:00Z");
    private final TokenPolicy policy = new TokenPolicy(clock, Duration.ofSeconds(600), Duration.ofSeconds(570));

    private static String description(Runnable r) {
        OAuthException e = assertThrows(OAuthException.class, r::run);
        assertEquals("invalid_grant", e.error());
        assertEquals(400, e.status());
        return e.getMessage();
    }

    // ------------------------------------------------------------------ client

    @Test
    void clientCredentials() {
        assertDoesNotThrow(() -> policy.checkClient(CLIENT, "s3cret", CLIENT, "s3cret"));
        OAuthException e = assertThrows(OAuthException.class, () -> policy.checkClient(CLIENT, "s3cret", CLIENT, "wrong"));
        assertEquals("invalid_client", e.error());
        assertThrows(OAuthException.class, () -> policy.checkClient(CLIENT, "s3cret", "other", "s3cret"));
        assertThrows(OAuthException.class, () -> policy.checkClient(CLIENT, "s3cret", null, null));
    }

    // ------------------------------------------------------------------ codes

    private CodeState code(Instant issued, Instant used) {
        return new CodeState(CLIENT, REDIRECT, USER, issued, used);
    }

    @Test
    void codeIsValidForThreeMinutes() {
        CodeState c = code(clock.instant(), null);
        clock.advanceSeconds(179);
        assertDoesNotThrow(() -> policy.checkCode(c, CLIENT, REDIRECT));
        clock.advanceSeconds(1);
        assertTrue(description(() -> policy.checkCode(c, CLIENT, REDIRECT)).contains("expired"));
    }

    @Test
    void codeIsSingleUse() {
        CodeState used = code(clock.instant(), clock.instant());
        assertTrue(description(() -> policy.checkCode(used, CLIENT, REDIRECT)).contains("already been used"));
    }

    @Test
    void codeMustMatchClientAndRedirect() {
        CodeState c = code(clock.instant(), null);
        assertTrue(description(() -> policy.checkCode(c, "someone-else", REDIRECT)).contains("another client"));
        assertTrue(description(() -> policy.checkCode(c, CLIENT, REDIRECT + "/x")).contains("redirect_uri"));
        assertTrue(description(() -> policy.checkCode(null, CLIENT, REDIRECT)).contains("unknown"));
    }

    // ------------------------------------------------------------------ refresh

    private GrantState grant(Instant lastAccess, Instant revoked) {
        return new GrantState(GRANT, CLIENT, USER, lastAccess, revoked);
    }

    @Test
    void refreshNotEarlierThan570Seconds() {
        Instant issued = clock.instant();
        RefreshState token = new RefreshState(GRANT, issued, null);
        GrantState g = grant(issued, null);
        clock.advanceSeconds(569);
        String d = description(() -> policy.checkRefresh(token, g, CLIENT));
        assertTrue(d.contains("570 seconds"), d);
        assertTrue(d.contains("Try again in 1 seconds"), d);
        clock.advanceSeconds(1);
        assertDoesNotThrow(() -> policy.checkRefresh(token, g, CLIENT));
    }

    @Test
    void minimumIntervalIsConfigurable() {
        TokenPolicy quick = new TokenPolicy(clock, Duration.ofSeconds(600), Duration.ofSeconds(2));
        Instant issued = clock.instant();
        RefreshState token = new RefreshState(GRANT, issued, null);
        clock.advanceSeconds(2);
        assertDoesNotThrow(() -> quick.checkRefresh(token, grant(issued, null), CLIENT));
    }

    @Test
    void rotatedTokenIsRefused() {
        Instant issued = clock.instant();
        RefreshState old = new RefreshState(GRANT, issued, issued.plusSeconds(600));
        clock.advanceSeconds(1200);
        String d = description(() -> policy.checkRefresh(old, grant(issued.plusSeconds(600), null), CLIENT));
        assertTrue(d.contains("already been used"), d);
    }

    @Test
    void revokedConnectionRefusesRefreshAndAccess() {
        Instant issued = clock.instant();
        RefreshState token = new RefreshState(GRANT, issued, null);
        GrantState revoked = grant(issued, issued.plusSeconds(5));
        clock.advanceSeconds(600);
        assertTrue(description(() -> policy.checkRefresh(token, revoked, CLIENT)).contains("revoked"));
        assertFalse(policy.accessValid(issued.plusSeconds(6000), revoked));
    }

    @Test
    void refreshTokenExpiresAfter30DaysUnused() {
        Instant issued = clock.instant();
        RefreshState token = new RefreshState(GRANT, issued, null);
        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertDoesNotThrow(() -> policy.checkRefresh(token, grant(issued, null), CLIENT));
        clock.advanceSeconds(1);
        assertTrue(description(() -> policy.checkRefresh(token, grant(issued, null), CLIENT)).contains("30 days"));
    }

    @Test
    void refreshByAnotherClientOrUnknown() {
        Instant issued = clock.instant();
        clock.advanceSeconds(600);
        RefreshState token = new RefreshState(GRANT, issued, null);
        assertTrue(description(() -> policy.checkRefresh(token, grant(issued, null), "x")).contains("another client"));
        assertTrue(description(() -> policy.checkRefresh(null, null, CLIENT)).contains("unknown"));
    }

    // ------------------------------------------------------------------ access

    @Test
    void accessTokenLivesTenMinutes() {
        Instant issued = clock.instant();
        Instant expires = policy.accessExpiry(issued);
        assertEquals(issued.plusSeconds(600), expires);
        GrantState g = grant(issued, null);
        clock.advanceSeconds(599);
        assertTrue(policy.accessValid(expires, g));
        clock.advanceSeconds(1);
        assertFalse(policy.accessValid(expires, g));
    }

    @Test
    void tokensAreOpaqueAndStoredHashed() {
        String a = Tokens.newAccessToken();
        String r = Tokens.newRefreshToken();
        assertNotEquals(a, Tokens.newAccessToken());
        assertTrue(r.contains("!"), "refresh tokens need URL-encoding, like Exact's");
        assertTrue(Tokens.newCode().contains("!"));
        assertEquals(64, Tokens.hash(a).length());
        assertEquals(Tokens.hash(a), Tokens.hash(a));
    }

    @Test
    void passwords() {
        String h = Passwords.hash("demo");
        assertTrue(Passwords.verify("demo", h));
        assertFalse(Passwords.verify("Demo", h));
        assertFalse(Passwords.verify("demo", "plain"));
        assertNotEquals(h, Passwords.hash("demo"), "salted");
    }

    @Test
    void loginPageEscapes() {
        String html = LoginPage.signIn("/exact-sandbox/api/oauth2/auth",
                java.util.Map.of("state", "\"><script>x</script>"), "app", "demo@dunwise.example", "demo", null);
        assertFalse(html.contains("<script>x"));
        assertTrue(html.contains("id=\"username\""));
        assertTrue(html.contains("id=\"password\""));
        assertTrue(html.contains("id=\"authorize\""));
        assertTrue(html.contains("Exact Online <small>(sandbox)</small>"));
    }
}

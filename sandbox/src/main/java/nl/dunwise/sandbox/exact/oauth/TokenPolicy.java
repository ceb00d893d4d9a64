package nl.dunwise.sandbox.exact.oauth;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The rules of Exact's token endpoint, apart from storage, with time from an injected clock so tests
 * can walk through the 3-minute, 570-second, 10-minute and 30-day limits.
 * Every refusal is {@code invalid_grant} with a description that says which rule hit, since that is
 * what a person debugging a dead connection needs.
 */
public final class TokenPolicy {

    public static final Duration CODE_TTL = Duration.ofMinutes(3);
    public static final Duration REFRESH_TTL = Duration.ofDays(30);

    private final Clock clock;
    private final Duration accessTtl;
    private final Duration minRefreshInterval;

    public TokenPolicy(Clock clock, Duration accessTtl, Duration minRefreshInterval) {
        this.clock = clock;
        this.accessTtl = accessTtl;
        this.minRefreshInterval = minRefreshInterval;
    }

    /** A stored authorization code. */
    public record CodeState(String clientId, String redirectUri, UUID userId, Instant issuedAt, Instant usedAt) {
    }

    /** A stored refresh token. */
    public record RefreshState(UUID grantId, Instant issuedAt, Instant usedAt) {
    }

    /** A connection: one user's authorization of one app, from login until revoked. */
    public record GrantState(UUID id, String clientId, UUID userId, Instant lastAccessIssuedAt, Instant revokedAt) {
    }

    public Instant now() {
        return clock.instant();
    }

    public Duration accessTtl() {
        return accessTtl;
    }

    public Instant accessExpiry(Instant issuedAt) {
        return issuedAt.plus(accessTtl);
    }

    /** Checks the app's credentials in constant time; a mismatch is {@code invalid_client}. */
    public void checkClient(String expectedId, String expectedSecret, String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null
                || !constantTimeEquals(expectedId, clientId) || !constantTimeEquals(expectedSecret, clientSecret)) {
            throw new OAuthException("invalid_client", "Client authentication failed: unknown client_id or wrong client_secret.");
        }
    }

    /** Whether a code may be exchanged now by this client for this redirect URI. */
    public void checkCode(CodeState code, String clientId, String redirectUri) {
        if (code == null) {
            throw OAuthException.invalidGrant("The authorization code is unknown.");
        }
        if (code.usedAt() != null) {
            throw OAuthException.invalidGrant("The authorization code has already been used; codes are valid once.");
        }
        if (!now().isBefore(code.issuedAt().plus(CODE_TTL))) {
            throw OAuthException.invalidGrant("The authorization code has expired; codes are valid for "
                    + CODE_TTL.toMinutes() + " minutes.");
        }
        if (!code.clientId().equals(clientId)) {
            throw OAuthException.invalidGrant("The authorization code was issued to another client.");
        }
        if (!code.redirectUri().equals(redirectUri)) {
            throw OAuthException.invalidGrant("The redirect_uri does not match the one used to obtain the code.");
        }
    }

    /**
     * Whether a refresh token may be used now. Checked before the token is consumed: a refresh that is
     * refused for being early leaves the refresh token valid.
     */
    public void checkRefresh(RefreshState token, GrantState grant, String clientId) {
        if (token == null || grant == null) {
            throw OAuthException.invalidGrant("The refresh token is unknown.");
        }
        if (grant.revokedAt() != null) {
            throw OAuthException.invalidGrant("The refresh token has been revoked; the user must log in again.");
        }
        if (!grant.clientId().equals(clientId)) {
            throw OAuthException.invalidGrant("The refresh token was issued to another client.");
        }
        if (token.usedAt() != null) {
            throw OAuthException.invalidGrant("The refresh token has already been used; refresh tokens rotate and "
                    + "each one is valid once. Use the refresh token returned by the last refresh.");
        }
        Instant now = now();
        if (!now.isBefore(token.issuedAt().plus(REFRESH_TTL))) {
            throw OAuthException.invalidGrant("The refresh token has expired after " + REFRESH_TTL.toDays()
                    + " days without use; the user must log in again.");
        }
        Instant allowedFrom = grant.lastAccessIssuedAt().plus(minRefreshInterval);
        if (now.isBefore(allowedFrom)) {
            long wait = Duration.between(now, allowedFrom).toMillis();
            long waitSeconds = (wait + 999) / 1000;
            throw OAuthException.invalidGrant("The access token may be refreshed only when it is about to expire: "
                    + "not earlier than " + minRefreshInterval.toSeconds() + " seconds after it was issued. "
                    + "Try again in " + waitSeconds + " seconds and keep using the current access token.");
        }
    }

    /** Whether an access token is usable; a revoked connection takes its access tokens with it. */
    public boolean accessValid(Instant expiresAt, GrantState grant) {
        return grant != null && grant.revokedAt() == null && now().isBefore(expiresAt);
    }

    private static boolean constantTimeEquals(String a, String b) {
        Objects.requireNonNull(a);
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}

/**
 * Exact's OAuth2 authorization-code flow: the sign-in page, single-use codes valid three minutes,
 * ten-minute access tokens, rotating refresh tokens whose reuse is refused, and the rule that a new
 * access token may be fetched only 570 s after the previous one. The rules sit in {@link
 * nl.dunwise.sandbox.exact.oauth.TokenPolicy} (plain, clock-driven, unit-tested); the store persists
 * codes, grants and token hashes in PostgreSQL so that connections survive a restart of the sandbox,
 * just as they survive at Exact.
 */
package nl.dunwise.sandbox.exact.oauth;

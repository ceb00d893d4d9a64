/**
 * The connection to Exact Online: the OAuth2 authorization, tokens kept encrypted and refreshed under a
 * database lock so that a rotating refresh token is never lost, and the divisions Dunwise manages.
 * {@code exact.client} speaks Exact's HTTP API; {@code exact.sync} brings debtors and receivables in.
 */
package nl.dunwise.exact;

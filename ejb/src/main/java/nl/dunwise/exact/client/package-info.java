/**
 * Exact Online's HTTP API as Dunwise uses it: the MicroProfile REST Client interface, the OData JSON
 * envelope and {@code /Date(ms)/} values, the rate-limit headers, and what each failure means
 * (401 refresh once, 429 wait for the reset, 5xx and timeouts back off, malformed answers refused).
 */
package nl.dunwise.exact.client;

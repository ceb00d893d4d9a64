/**
 * Exact Online's HTTP API as Dunwise uses it: the MicroProfile REST Client interface, the OData JSON
 * envelope and {@code /Date(ms)/} values, the rate-limit headers, and what each failure means
 * (401 refresh once, 429 wait for the reset, 5xx, timeouts and a proxy's HTML page back off, malformed answers
 * refused, errors reported to the {@link nl.dunwise.exact.client.EndpointGuard} so that Exact never blocks an
 * endpoint), and how much of the call budget each purpose may spend.
 */
package nl.dunwise.exact.client;

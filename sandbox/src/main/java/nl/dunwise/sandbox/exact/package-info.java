/**
 * A stand-in for Exact Online's HTTP API (OAuth2, REST v1, sync endpoints, limits and failure modes),
 * deployed as its own WAR so that Dunwise can be developed, demonstrated and tested end to end without
 * reaching Exact. The root package holds what wires the parts together: the JAX-RS application at
 * {@code /api} (so the base URL ends in {@code /exact-sandbox} like {@code https://start.exactonline.nl}),
 * the MicroProfile Config settings and the shared clock and limiter. The sandbox depends on no other
 * Dunwise module on purpose: it must behave like the outside service, not like our idea of it.
 */
package nl.dunwise.sandbox.exact;

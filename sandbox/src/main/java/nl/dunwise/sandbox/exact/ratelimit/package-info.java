/**
 * Exact's call limits per app and division: a minutely and a daily budget, both reported on every
 * response in the six {@code X-RateLimit-*} headers and enforced with 429; and its error limit, which
 * blocks an endpoint for an app after too many errors in an hour. The counters live in memory
 * only: a restart forgives everything, which is acceptable for a sandbox and keeps the hot path free
 * of database writes.
 */
package nl.dunwise.sandbox.exact.ratelimit;

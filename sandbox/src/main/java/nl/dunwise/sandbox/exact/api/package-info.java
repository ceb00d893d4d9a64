/**
 * Exact's REST API v1 as HTTP: the resources ({@code current/Me}, {@code system/Divisions}, the sync
 * endpoints), and the gate every {@code /api/v1} call passes first, in this order: path case
 * normalisation, bearer token, injected faults, 401, rate limit (429), {@code Accept: application/json}.
 * The gate also puts the six {@code X-RateLimit-*} headers on every v1 answer, errors included, and the
 * mappers turn every failure into Exact's {@code {"error": {"code", "message": {"lang", "value"}}}}.
 */
package nl.dunwise.sandbox.exact.api;

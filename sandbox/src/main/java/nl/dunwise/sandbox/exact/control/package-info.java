/**
 * Run-time switches for tests and demos, outside Exact's API: counts and settings at
 * {@code GET /api/sandbox/status}, and faults at {@code POST /api/sandbox/faults} (a burst of 429s, of
 * 500s with an HTML body, of HTML pages from a proxy in front of Exact, of malformed JSON, slow answers,
 * revoking every token, and forgetting the rate-limit counts and error blocks). The endpoints
 * answer only requests from the loopback interface, since anyone who can flip them can break every
 * connected client.
 */
package nl.dunwise.sandbox.exact.control;

/**
 * Write-back to Exact Online through an outbox: a change Exact must learn about (a note on the account
 * for each reminder, later a hold or a credit line) is queued as a row in the same transaction as the
 * business change, and a timer sends due rows to Exact, retrying transient failures with backoff and
 * keeping permanent ones for a person to look at. A row is never deleted.
 */
package nl.dunwise.exact.writeback;

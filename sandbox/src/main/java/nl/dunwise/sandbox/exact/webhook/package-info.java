/**
 * Exact Online's webhooks as the sandbox plays them: subscriptions per app, division and topic (checked
 * with an empty validation POST before they are accepted), deliveries captured by database triggers
 * whenever a subscribed entity changes, and a dispatcher that posts them, signed with a HashCode, at
 * least once, retrying failures, and (when a test asks) twice or out of order.
 */
package nl.dunwise.sandbox.exact.webhook;

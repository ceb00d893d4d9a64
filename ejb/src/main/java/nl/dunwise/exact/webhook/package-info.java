/**
 * Near-real-time sync through Exact Online's webhooks: the subscriptions per division, the check of
 * each event's HashCode, the inbox that stores events once, and the timer that turns all events gathered
 * for a division into one incremental sync through {@code exact.sync}. The data always comes from the sync
 * endpoints, never from the event; the scheduled sync stays as the safety net for events that never come.
 */
package nl.dunwise.exact.webhook;

package nl.dunwise.exact.webhook;

import java.time.Instant;

/** Dunwise's webhook subscription for one topic of one division, as the cockpit shows it. */
public record WebhookSubscriptionStatus(int division, String topic, boolean subscribed, String lastError,
        Instant attemptedAt) {
}

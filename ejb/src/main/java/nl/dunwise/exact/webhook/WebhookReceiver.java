package nl.dunwise.exact.webhook;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import nl.dunwise.exact.ExactSettings;
import nl.dunwise.exact.client.MalformedRecordException;

/**
 * Takes one POST from Exact at the webhook callback: checks it and stores the event, nothing more, so
 * that the answer comes fast; the sync runs later in {@link WebhookProcessor}.
 */
@Stateless
public class WebhookReceiver {

    private static final Logger LOG = Logger.getLogger(WebhookReceiver.class.getName());

    /** What became of a message; the callback answers each with its own HTTP status. */
    public enum Outcome {
        /** Exact's empty validation request when a subscription is made. */
        VALIDATION,
        STORED,
        /** Nothing new: a repeat of a stored event (delivery is at least once), or a division not managed. */
        REPEATED,
        /** A topic Dunwise does not sync. */
        IGNORED,
        /** No webhook secret is configured, so nothing can be checked. */
        NOT_CONFIGURED,
        /** The HashCode does not match: not from Exact, or altered. */
        BAD_SIGNATURE,
        /** Signed correctly but not an event Dunwise can read. */
        MALFORMED
    }

    @Inject
    private ExactSettings settings;

    @Inject
    private WebhookInbox inbox;

    @Inject
    private Clock clock;

    public Outcome receive(String body) {
        if (body == null || body.isBlank()) {
            return Outcome.VALIDATION;
        }
        Optional<String> secret = settings.webhookSecret();
        if (secret.isEmpty()) {
            LOG.warning("An Exact Online webhook arrived but no webhook secret is configured, so it cannot be checked "
                    + "and is refused: set DUNWISE_EXACT_WEBHOOK_SECRET to the app's webhook secret from the Exact App "
                    + "Center. The scheduled sync still brings every change in.");
            return Outcome.NOT_CONFIGURED;
        }
        Optional<String> content = WebhookSignature.verifiedContent(body, secret.get());
        if (content.isEmpty()) {
            LOG.warning("Refused a webhook message whose HashCode does not match the configured webhook secret");
            return Outcome.BAD_SIGNATURE;
        }
        WebhookEvent event;
        try {
            event = WebhookEvent.parse(content.get());
        } catch (MalformedRecordException e) {
            LOG.warning("Refused a signed webhook message Dunwise cannot read: " + e.getMessage());
            return Outcome.MALFORMED;
        }
        Optional<WebhookTopic> topic = WebhookTopic.named(event.topic());
        if (topic.isEmpty()) {
            return Outcome.IGNORED;
        }
        return inbox.record(topic.get(), event, clock.instant()) ? Outcome.STORED : Outcome.REPEATED;
    }
}

package nl.dunwise.exact.webhook;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.dunwise.exact.client.SyncEndpoint;
import nl.dunwise.exact.sync.SyncService;

/**
 * All events of one division not yet acted on, up to and including event {@code upToEventId}: one sync
 * of the endpoints they touch settles them all, since each was received before that sync starts.
 */
public record PendingSync(int division, Set<WebhookTopic> topics, long upToEventId, int events) {

    public List<SyncEndpoint> endpoints() {
        Set<SyncEndpoint> wanted = EnumSet.noneOf(SyncEndpoint.class);
        topics.forEach(t -> wanted.addAll(t.endpoints()));
        return SyncService.inOrder(wanted);
    }
}

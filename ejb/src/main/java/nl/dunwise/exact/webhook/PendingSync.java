package nl.dunwise.exact.webhook;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.dunwise.exact.client.SyncEndpoint;
import nl.dunwise.exact.sync.SyncService;

/**
 * All events of one division not yet acted on, up to and including event {@code upToEventId}: one sync
 * of the endpoints they touch settles them all, since each was received before that sync starts. A
 * deleted record is no longer in its entity's sync endpoint: Exact reports it in sync/Deleted.
 */
public record PendingSync(int division, Set<WebhookTopic> topics, boolean deletions, long upToEventId, int events) {

    /** Whether the sync may have brought PDFs that planned reminders wait for, worth fetching now. */
    public boolean bringsInvoicePdfs() {
        return topics.stream().anyMatch(WebhookTopic::bringsInvoicePdfs);
    }

    public List<SyncEndpoint> endpoints() {
        Set<SyncEndpoint> wanted = EnumSet.noneOf(SyncEndpoint.class);
        topics.forEach(t -> wanted.addAll(t.endpoints()));
        if (deletions) {
            wanted.add(SyncEndpoint.DELETED);
        }
        return SyncService.inOrder(wanted);
    }
}

package nl.dunwise.exact.webhook;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timer;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import nl.dunwise.audit.Actor;
import nl.dunwise.exact.Division;
import nl.dunwise.exact.ExactConnectionService;
import nl.dunwise.exact.document.InvoicePdfs;
import nl.dunwise.exact.sync.SyncService;

/**
 * Every 30 seconds, one incremental sync per division for all webhook events gathered since the last
 * round, of only the endpoints they touch. A persistent timer fires once in a cluster; a round that runs
 * twice all the same is harmless, because the sync starts from the stored Timestamp and its upserts never
 * overwrite newer data. A failed sync leaves its events for the next round, and the scheduled full sync
 * remains the safety net.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookProcessor {

    private static final Logger LOG = Logger.getLogger(WebhookProcessor.class.getName());
    private static final Duration KEEP_SETTLED = Duration.ofDays(7);

    @Inject
    private WebhookInbox inbox;

    @Inject
    private ExactConnectionService connections;

    @Inject
    private SyncService sync;

    @Inject
    private InvoicePdfs pdfs;

    @Inject
    private Clock clock;

    @Resource
    private SessionContext context;

    // Payara runs a persistent timer's callback in a container transaction that also updates the timer store,
    // a second non-XA pool: work on jdbc/dunwise inside it could never commit (it would be rolled back, after
    // Exact had already been called). So the callback only hands over to an asynchronous call, which runs
    // outside any transaction, and the timer commits on its own.
    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = true, info = "exact-webhooks")
    void round(Timer timer) {
        context.getBusinessObject(WebhookProcessor.class).roundInBackground();
    }

    @Asynchronous
    public void roundInBackground() {
        if (!connections.connected()) {
            return;
        }
        Map<Integer, Division> divisions = connections.managedDivisions().stream()
                .collect(Collectors.toMap(Division::getCode, Function.identity()));
        for (PendingSync pending : inbox.pending()) {
            Division division = divisions.get(pending.division());
            if (division == null) {
                continue;
            }
            try {
                sync.syncDivision(division, pending.endpoints(), Actor.SYSTEM);
                inbox.settled(pending, clock.instant());
            } catch (RuntimeException e) {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                LOG.log(Level.WARNING, "The sync for " + pending.events() + " webhook event(s) of division "
                        + pending.division() + " failed and is tried again in the next round: " + reason, e);
                inbox.failed(pending, reason);
                continue;
            }
            if (pending.bringsInvoicePdfs()) {
                // A reminder planned before Exact printed its invoice would otherwise wait for the next dispatch
                // pass's round of PDFs, or go without the file. A failure here is the next round's to retry.
                try {
                    pdfs.prefetchForPlannedReminders(division.getCode());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Fetching the invoice PDFs of planned reminders in division " + pending.division()
                            + " failed: " + e.getMessage(), e);
                }
            }
        }
        inbox.forgetSettledBefore(clock.instant().minus(KEEP_SETTLED));
    }
}

package nl.dunwise.exact.writeback;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;

/**
 * What other features and the cockpit call: queue a write-back inside the caller's transaction, look at
 * the outbox, put a failed one back. The sender records each outcome here, in a transaction of its own
 * together with its audit event.
 */
@Stateless
public class ExactWriteBacks {

    private static final Logger LOG = Logger.getLogger(ExactWriteBacks.class.getName());

    @Inject
    private WriteBackQueue queue;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    public ExactWriteBacks() {
    }

    /** For code that runs outside the container, such as tests and benchmarks. */
    public ExactWriteBacks(WriteBackQueue queue, AuditLog audit, Clock clock) {
        this.queue = queue;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Queues a CommunicationNote on the debtor's Exact account. Joins the caller's transaction, so the note
     * exists exactly when the change it records does; a second call for the same source queues nothing.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean enqueueNote(int division, UUID account, String source, String subject, String notes) {
        String payload = Json.createObjectBuilder().add("Subject", subject).add("Notes", notes).build().toString();
        return queue.enqueue(division, WriteBackKind.NOTE, account, payload, source, clock.instant());
    }

    /**
     * Queues a credit hold on (or off) for the account: Exact's Blocked, which sales sees. Joins the caller's
     * transaction like {@link #enqueueNote}; the newest value wins over older ones still waiting.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean enqueueHold(int division, UUID account, String source, boolean blocked) {
        String payload = Json.createObjectBuilder().add("Blocked", blocked).build().toString();
        return queue.enqueueLatest(division, WriteBackKind.HOLD, account, payload, source, clock.instant());
    }

    /** Queues the account's credit limit (Exact's CreditLineSales); as {@link #enqueueHold}, the newest value wins. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean enqueueCreditLine(int division, UUID account, String source, BigDecimal creditLine) {
        String payload = Json.createObjectBuilder().add("CreditLineSales", creditLine).build().toString();
        return queue.enqueueLatest(division, WriteBackKind.CREDIT_LINE, account, payload, source, clock.instant());
    }

    /** The write-backs about one account, newest first: what Exact has been told of this debtor. */
    public List<AccountWriteBack> ofAccount(int division, UUID account, int max) {
        return queue.ofAccount(division, account, max);
    }

    /** Puts a FAILED write-back back in the queue with a fresh set of attempts; false when it is not FAILED. */
    public boolean retry(long id, Actor actor) {
        return queue.retry(id, clock.instant()).map(r -> {
            audit.record(r.division(), actor, "EXACT_WRITEBACK_RETRIED", "ExactWriteBack", r.id(),
                    r.kind() + " from " + r.source());
            return true;
        }).orElse(false);
    }

    public WriteBackOverview overview(int latestFailures) {
        return queue.overview(latestFailures);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void done(WriteBack claimed, UUID exactId) {
        if (queue.done(claimed, exactId, clock.instant())) {
            audit.record(claimed.division(), Actor.SYSTEM, "EXACT_WRITEBACK_DONE", "ExactWriteBack", claimed.id(),
                    claimed.kind() + " from " + claimed.source() + " on account " + claimed.accountId()
                            + (exactId == null ? "" : ", Exact record " + exactId));
        } else {
            LOG.warning(() -> "Write-back " + claimed.id() + " was sent after its claim ran out; another sender "
                    + "may have sent it too");
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(WriteBack claimed, String error, boolean permanent) {
        queue.failed(claimed, error, permanent, clock.instant()).ifPresent(status -> {
            if (status == WriteBackStatus.FAILED) {
                audit.record(claimed.division(), Actor.SYSTEM, "EXACT_WRITEBACK_FAILED", "ExactWriteBack",
                        claimed.id(), claimed.kind() + " from " + claimed.source() + " after " + claimed.attempts()
                                + " attempt(s): " + error);
            } else {
                LOG.info(() -> "Write-back " + claimed.id() + " will be tried again: " + error);
            }
        });
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(List<WriteBack> claimed) {
        claimed.forEach(w -> queue.release(w, clock.instant()));
    }
}

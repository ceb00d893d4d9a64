package nl.dunwise.exact.sync;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timer;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dunwise.audit.Actor;
import nl.dunwise.exact.Division;
import nl.dunwise.exact.ExactCalls;
import nl.dunwise.exact.ExactCircuitBreaker;
import nl.dunwise.exact.ExactConnectionService;
import nl.dunwise.exact.ExactRound;
import nl.dunwise.exact.client.BudgetReservedException;
import nl.dunwise.exact.client.CallPurpose;
import nl.dunwise.exact.client.EndpointPausedException;
import nl.dunwise.exact.client.ExactClient;
import nl.dunwise.exact.client.RateLimit;
import nl.dunwise.exact.client.SyncEndpoint;
import nl.dunwise.exact.document.InvoicePdfs;

/**
 * Brings debtors, contacts, open receivables, payments, sales invoices with where their PDFs are, and deletions
 * in from Exact. HTTP calls run outside any transaction; each page is written in a transaction of its own by
 * {@link SyncWriter}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SyncService {

    private static final Logger LOG = Logger.getLogger(SyncService.class.getName());

    /**
     * Accounts first: contacts, terms and payments refer to them; terms before transaction lines, so that a
     * payment finds its invoice; sales invoices and their documents' attachments (which invoice has a PDF) need
     * nothing before them, since they are joined to the receivables by number; deletions last, so that they
     * apply to what the other passes brought.
     */
    static final List<SyncEndpoint> ORDER = List.of(SyncEndpoint.ACCOUNTS, SyncEndpoint.CONTACTS,
            SyncEndpoint.PAYMENT_TERMS, SyncEndpoint.TRANSACTION_LINES, SyncEndpoint.SALES_INVOICES,
            SyncEndpoint.DOCUMENT_ATTACHMENTS, SyncEndpoint.DELETED);

    private static final Set<SyncEndpoint> REFER_TO_ACCOUNTS = EnumSet.of(SyncEndpoint.CONTACTS, SyncEndpoint.PAYMENT_TERMS,
            SyncEndpoint.TRANSACTION_LINES);

    @Inject
    private ExactConnectionService connections;

    @Inject
    private SyncWriter writer;

    @Resource
    private SessionContext context;

    /** Fetches the next page of a pass while the current one is stored (see {@link EndpointPass}). */
    @Resource
    private ManagedExecutorService fetcher;

    @Inject
    private ExactCircuitBreaker circuit;

    @Inject
    private InvoicePdfs pdfs;

    @Inject
    private Event<DivisionSynced> synced;

    /** The safety net beside "sync now" and webhooks (which may be lost or late): a scheduled incremental sync. */
    // Payara runs a persistent timer's callback in a container transaction that also updates the timer store,
    // a second non-XA pool: work on jdbc/dunwise inside it could never commit (it would be rolled back, after
    // Exact had already been called). So the callback only hands over to an asynchronous call, which runs
    // outside any transaction, and the timer commits on its own.
    @Schedule(hour = "*", minute = "*/10", persistent = true, info = "exact-sync")
    void scheduled(Timer timer) {
        context.getBusinessObject(SyncService.class).scheduledInBackground();
    }

    @Asynchronous
    public void scheduledInBackground() {
        if (connections.connected() && circuit.admitsRound()) {
            circuit.record(syncAll(Actor.SYSTEM, CallPurpose.SCHEDULED_SYNC));
        }
    }

    /** A person asked: tried even while the circuit is open, and a success closes it; may use the call reserve. */
    @Asynchronous
    public void syncAllInBackground(Actor actor) {
        circuit.record(syncAll(actor, CallPurpose.INTERACTIVE));
    }

    /**
     * Syncs every managed division (an unmanaged one is left alone) and answers what the round showed of
     * Exact's health: an outage in any division counts, since the next division would meet it too. A
     * scheduled sync stops in a division when only the reserve of its call budget is left.
     */
    public ExactRound syncAll(Actor actor, CallPurpose purpose) {
        ExactClient client = connections.client(purpose);
        String outage = null;
        boolean answered = false;
        for (Division division : connections.managedDivisions()) {
            try {
                syncDivision(client, division, ORDER, actor);
                answered = true;
                // Once per division, after its first full sync: the PDFs the first dunning run's emails will carry.
                if (pdfs.claimFirstRound(division.getCode())) {
                    pdfs.firstRoundInBackground(division.getCode());
                }
            } catch (BudgetReservedException | EndpointPausedException e) {
                // Dunwise holding back by its own rules: nothing failed, and the cockpit shows why.
                LOG.info("Sync of division " + division.getCode() + " held back: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Sync of division " + division.getCode() + " stopped: " + e.getMessage(), e);
                // Any other failure (a refused request, a page we cannot store) says nothing about Exact's health.
                String failure = ExactRound.outageIn(e);
                if (failure != null) {
                    outage = failure;
                }
            }
        }
        RateLimit rateLimit = client.lastRateLimit().orElse(null);
        if (outage != null) {
            return ExactRound.unreachable(outage, rateLimit);
        }
        return answered ? ExactRound.answered(rateLimit) : ExactRound.untried();
    }

    public void syncDivision(Division division, Actor actor) {
        syncDivision(division, ORDER, actor);
    }

    /**
     * An incremental sync of some endpoints of one division, in the given order (see {@link #inOrder}), for a
     * change someone is waiting for (a webhook's): it may use the call reserve.
     */
    public void syncDivision(Division division, List<SyncEndpoint> endpoints, Actor actor) {
        syncDivision(connections.client(CallPurpose.INTERACTIVE), division, endpoints, actor);
    }

    private void syncDivision(ExactClient client, Division division, List<SyncEndpoint> endpoints, Actor actor) {
        int code = division.getCode();
        for (SyncEndpoint endpoint : endpoints) {
            try {
                long rows = EndpointPass.run(writer, code, division.getCurrency(), endpoint,
                        (after, skiptoken) -> ExactCalls.withToken(connections,
                                t -> client.syncPage(t, code, endpoint, after, skiptoken)), fetcher);
                writer.finished(code, endpoint, client.lastRateLimit().orElse(null), actor, rows);
            } catch (RuntimeException e) {
                writer.failed(code, endpoint, e.getMessage() == null ? e.toString() : e.getMessage());
                throw e;
            }
        }
        synced.fire(new DivisionSynced(code));
    }

    /**
     * The endpoints to sync for these, in the order a sync must take them: contacts, receivables and
     * payments refer to their account, so their sync always brings the accounts up to date first. Sales
     * invoices and attachments are linked by invoice number and document, not by account: they sync alone.
     */
    public static List<SyncEndpoint> inOrder(Set<SyncEndpoint> wanted) {
        Set<SyncEndpoint> needed = EnumSet.noneOf(SyncEndpoint.class);
        needed.addAll(wanted);
        if (needed.stream().anyMatch(REFER_TO_ACCOUNTS::contains)) {
            needed.add(SyncEndpoint.ACCOUNTS);
        }
        return ORDER.stream().filter(needed::contains).toList();
    }
}

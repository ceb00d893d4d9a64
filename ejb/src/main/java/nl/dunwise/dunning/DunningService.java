package nl.dunwise.dunning;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timer;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.exact.Division;
import nl.dunwise.exact.ExactConnectionService;
import nl.dunwise.exact.document.InvoicePdfs;

/**
 * The dunning run on persistent EJB timers: a daily planning run and a frequent dispatcher, plus
 * "run now" from the cockpit. Each timer callback is safe to fire twice: planning is idempotent by its
 * unique key and sending claims each reminder under a row lock.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DunningService {

    /** A run from the cockpit sends at most this many at once; the dispatcher timer takes the rest. */
    private static final int SEND_NOW_LIMIT = 1000;

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private ExactConnectionService connections;

    @Inject
    private ReminderPlanner planner;

    @Inject
    private ReminderDispatcher dispatcher;

    @Inject
    private InvoicePdfs invoicePdfs;

    @Inject
    private LetterBatches letters;

    @Inject
    private AgencyHandOvers agency;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Inject
    private SendingHours sendingHours;

    @Inject
    private PlanningSettings planning;

    // Payara runs a persistent timer's callback in a container transaction that also updates the timer store,
    // a second non-XA pool: work on jdbc/dunwise inside it could never commit (it would be rolled back, after
    // Exact had already been called). So the callback only hands over to an asynchronous call, which runs
    // outside any transaction, and the timer commits on its own.
    @Schedule(hour = "6", minute = "0", persistent = true, info = "dunning-planning")
    void dailyRun(Timer timer) {
        context.getBusinessObject(DunningService.class).runInBackground();
    }

    @Schedule(hour = "*", minute = "*/5", persistent = true, info = "dunning-dispatch")
    void dispatchTimer(Timer timer) {
        context.getBusinessObject(DunningService.class).dispatchInBackground();
    }

    @Asynchronous
    public void runInBackground() {
        run(Actor.SYSTEM, Integer.MAX_VALUE);
    }

    @Asynchronous
    public void dispatchInBackground() {
        dispatch(Integer.MAX_VALUE);
    }

    /** Plans today's reminders for every managed division and sends them. */
    public DunningRunResult runNow(Actor actor) {
        return run(actor, SEND_NOW_LIMIT);
    }

    private DunningRunResult run(Actor actor, int sendLimit) {
        LocalDate today = LocalDate.now(clock);
        PlanningPolicy policy = planning.policy();
        int planned = 0;
        int held = 0;
        for (Division division : connections.managedDivisions()) {
            PlanningResult result;
            try {
                result = planner.plan(division.getCode(), division.getCurrency(), today, policy, clock.instant());
            } catch (PlanningRunIncomplete e) {
                // the slices that committed are in the books: the audit says so, and why the rest is missing
                audit.record(division.getCode(), actor, "DUNNING_PLANNED", "Division", division.getCode(),
                        e.stored().planned() + " planned, " + e.stored().skipped() + " skipped for " + today
                                + ", incomplete: " + e.getMessage());
                throw e;
            }
            planned += result.planned();
            held += result.skipped();
            audit.record(division.getCode(), actor, "DUNNING_PLANNED", "Division", division.getCode(),
                    result.planned() + " planned, " + result.skipped() + " skipped for " + today);
        }
        DunningRunResult sent = dispatch(sendLimit);
        // Letters go out once a day, after planning: one print batch per division, posted that afternoon.
        int printed = 0;
        for (Division division : connections.managedDivisions()) {
            LetterBatchResult batch = letters.print(division.getCode(), today);
            printed += batch.printed();
            held += batch.skipped();
            if (batch.batchId() != null) {
                audit.record(division.getCode(), actor, "LETTERS_PRINTED", "LetterBatch", batch.batchId(),
                        batch.printed() + " letter(s) for " + today);
            }
        }
        // Approved hand-overs go to the agency once a day too: one file per division.
        int handedOver = 0;
        for (Division division : connections.managedDivisions()) {
            AgencyHandOverResult handOver = agency.handOver(division.getCode(), today);
            handedOver += handOver.handedOver();
            held += handOver.skipped();
        }
        return new DunningRunResult(planned, sent.sent() + printed + handedOver, held + sent.skipped(), sent.failed(),
                sent.sendsFrom());
    }

    /** Sends up to {@code limit} reminders of each channel over one SMTP connection ({@link DispatchPass}). */
    private DunningRunResult dispatch(int limit) {
        // Outside the send transactions and also at night: the invoices' PDFs the next reminders will carry.
        invoicePdfs.prefetch();
        Instant now = clock.instant();
        Instant sendsFrom = sendingHours.sendsFrom(now);
        if (sendsFrom.isAfter(now)) {
            // Outside the send window (night, weekend, public holiday): planned reminders wait for it.
            return DunningRunResult.waitingUntil(sendsFrom);
        }
        try (MailConnection mail = dispatcher.mailConnection()) {
            return DispatchPass.run(limit, channel -> dispatcher.sendNext(channel, mail));
        }
    }

    public List<ReminderView> latestReminders(int max) {
        return em.createQuery("""
                select new nl.dunwise.dunning.ReminderView(r.id, d.code, d.name, s.templateCode, r.channel, r.status,
                       r.totalAmount, r.currency, r.plannedAt, r.sentAt, r.recipient)
                from Reminder r join r.step s, Debtor d
                where d.id = r.debtorId
                order by r.plannedAt desc, r.id desc
                """, ReminderView.class)
                .setMaxResults(max).getResultList();
    }

    /** The debtor's payment behaviour as the last planning run scored it; empty before its first run. */
    public Optional<PaymentBehaviour> paymentBehaviour(long debtorId) {
        List<?> rows = em.createNativeQuery("""
                SELECT payment_score, score_paid_items, score_avg_days_late, score_on_time_share,
                       score_broken_promises, score_disputes
                FROM debtor WHERE id = ? AND score_paid_items IS NOT NULL
                """).setParameter(1, debtorId).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(r -> new PaymentBehaviour(
                r[0] == null ? null : ((Number) r[0]).intValue(), ((Number) r[1]).intValue(), (BigDecimal) r[2],
                (BigDecimal) r[3], ((Number) r[4]).intValue(), ((Number) r[5]).intValue()));
    }

    public long countByStatus(ReminderStatus status) {
        return em.createQuery("select count(r) from Reminder r where r.status = :status", Long.class)
                .setParameter("status", status).getSingleResult();
    }
}

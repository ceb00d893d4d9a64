package nl.dunwise.dunning;

import jakarta.annotation.Resource;
import jakarta.ejb.AsyncResult;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.exact.Division;
import nl.dunwise.exact.ExactConnectionService;
import nl.dunwise.exact.document.InvoicePdfs;
import nl.dunwise.plan.PaymentPlans;
import nl.dunwise.plan.PlanReview;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dunning run on persistent EJB timers: a daily planning run and a frequent dispatcher, plus
 * "run now" from the cockpit. Each timer callback is safe to fire twice: planning is idempotent by its
 * unique key and sending claims each reminder under a row lock.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DunningService {

    private static final Logger LOG = Logger.getLogger(DunningService.class.getName());

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
    private InstalmentReminders instalmentReminders;

    @Inject
    private PaymentPlans plans;

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

    @Inject
    @ConfigProperty(name = "dunwise.dunning.dispatch-parallelism", defaultValue = "" + DispatchPass.DEFAULT_PARALLELISM)
    private int parallelism;

    @Inject
    @ConfigProperty(name = "dunwise.dunning.dispatch-batch", defaultValue = "" + DispatchPass.DEFAULT_BATCH)
    private int batch;

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
            reviewPlans(division.getCode(), today, actor);
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

    /**
     * Payment plans before planning: a plan that defaults today is chased in today's run. A failed review leaves
     * the run alone (the other debtors are still chased); the next review, after a sync or tomorrow, catches up.
     */
    private void reviewPlans(int division, LocalDate today, Actor actor) {
        try {
            PlanReview review = plans.review(division, today);
            if (review.completed() + review.defaulted() + review.remindersPlanned() > 0) {
                audit.record(division, actor, "PLANS_REVIEWED", "Division", division,
                        review.completed() + " completed, " + review.defaulted() + " defaulted, "
                                + review.remindersPlanned() + " instalment reminder(s) planned for " + today);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reviewing the payment plans of division " + division + " failed", e);
        }
    }

    /**
     * Sends up to {@code limit} reminders of each channel in {@code dunwise.dunning.dispatch-parallelism} passes side
     * by side ({@link DispatchPass}), each over an SMTP connection of its own: a pass spends most of its time waiting
     * for the mail server and the database, and claiming with SKIP LOCKED lets the passes share the planned
     * reminders without two ever taking the same one.
     */
    private DunningRunResult dispatch(int limit) {
        if (parallelism < 1 || batch < 1) {
            throw new IllegalStateException("The settings dunwise.dunning.dispatch-parallelism (" + parallelism
                    + ") and dunwise.dunning.dispatch-batch (" + batch + ") must each be at least 1.");
        }
        // Outside the send transactions and also at night: the invoices' PDFs the next reminders will carry.
        invoicePdfs.prefetch();
        Instant now = clock.instant();
        Instant sendsFrom = sendingHours.sendsFrom(now);
        if (sendsFrom.isAfter(now)) {
            // Outside the send window (night, weekend, public holiday): planned reminders wait for it.
            return DunningRunResult.waitingUntil(sendsFrom);
        }
        int eachLimit = limit == Integer.MAX_VALUE ? limit : (limit + parallelism - 1) / parallelism;
        DunningService self = context.getBusinessObject(DunningService.class);
        List<Future<DunningRunResult>> running = new ArrayList<>();
        for (int i = 1; i < parallelism; i++) {
            running.add(self.pass(eachLimit));
        }
        // This thread runs a pass too: one pass needs no second thread, and a full thread pool delays the others only.
        List<DunningRunResult> passes = new ArrayList<>();
        RuntimeException failure = null;
        try {
            passes.add(runPass(eachLimit));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<DunningRunResult> pass : running) {
            try {
                passes.add(pass.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the dispatch passes ran", e);
            } catch (ExecutionException e) {
                // The others go on to the end; what they sent is committed and counted.
                failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }
        return DispatchPass.sum(passes);
    }

    /** One more dispatch pass, on a thread of its own. */
    @Asynchronous
    public Future<DunningRunResult> pass(int limit) {
        return new AsyncResult<>(runPass(limit));
    }

    private DunningRunResult runPass(int limit) {
        try (MailConnection mail = dispatcher.mailConnection()) {
            return DispatchPass.run(limit, batch, (channel, max) -> dispatcher.sendBatch(channel, mail, max),
                    () -> instalmentReminders.sendNext(mail));
        }
    }

    /**
     * Whether planned email reminders wait for the first round of invoice PDFs after connecting Exact (or
     * switching a division on): the dispatcher sends them after it, with their invoices.
     */
    public boolean emailsWaitForInvoicePdfs() {
        return invoicePdfs.firstRoundUnderWay();
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

package nl.dunwise.plan;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.exact.Division;
import nl.dunwise.exact.writeback.ExactWriteBacks;
import nl.dunwise.money.Money;

/**
 * Payment plans for the cockpit (and later the portal): preview and propose a plan, approve or reject one in
 * the collectors' queue, list them; and the review that follows the payments (daily with the dunning run and
 * after each sync). Every event is audited and noted on the debtor's Exact account in the same transaction.
 */
@Stateless
public class PaymentPlans {

    private static final String REVIEW_SQL = sql("review-instalments.sql");

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private ExactWriteBacks writeBacks;

    @Inject
    private Clock clock;

    @Inject
    private PlanSettings settings;

    private PaymentPlanPolicy fixedPolicy;

    public PaymentPlans() {
    }

    /** For code that runs outside the container, such as tests with an entity manager of their own. */
    public PaymentPlans(EntityManager em, AuditLog audit, ExactWriteBacks writeBacks, Clock clock, PaymentPlanPolicy policy) {
        this.em = em;
        this.audit = audit;
        this.writeBacks = writeBacks;
        this.clock = clock;
        this.fixedPolicy = policy;
    }

    private PaymentPlanPolicy policy() {
        return fixedPolicy != null ? fixedPolicy : settings.policy();
    }

    /** What the request would make, with the rules it breaks; stores nothing. */
    public PlanPreview preview(int division, PlanRequest request) {
        Draft draft = draft(division, request, false);
        return new PlanPreview(draft.debtor.code, draft.debtor.name, draft.invoiceNumbers(), draft.open,
                draft.schedule.instalments(), draft.breaches);
    }

    /**
     * Stores the plan: active at once within the policy, else proposed for a collector. Refused (nothing
     * stored) when the debtor or an invoice is unknown, an invoice is disputed or in another plan, or the
     * instalments do not add up to what the invoices have open.
     */
    public long propose(int division, PlanRequest request, Actor by) {
        Draft draft = draft(division, request, true);
        PaymentPlan plan = PaymentPlan.propose(division, draft.debtor.id, draft.planInvoices(), draft.open,
                draft.schedule, draft.breaches, by, clock.instant(), today());
        em.persist(plan);
        em.flush();
        Locale noteLocale = noteLocale(division);
        audit.record(division, by, "PLAN_PROPOSED", "PaymentPlan", plan.getId(), draft.debtor.code + ": "
                + plan.getTotal() + " in " + plan.getInstalments().size() + " instalment(s) for "
                + String.join(", ", draft.invoiceNumbers())
                + (draft.breaches.isEmpty() ? "" : "; waits for a collector: " + plan.getReviewReasons()));
        if (plan.getStatus() == PlanStatus.ACTIVE) {
            audit.record(division, by, "PLAN_APPROVED", "PaymentPlan", plan.getId(), "at once, within the policy");
            note(plan, draft.debtor.exactId, PlanNote.Event.APPROVED, PlanNote.approved(plan, draft.invoiceNumbers(), noteLocale));
        } else {
            note(plan, draft.debtor.exactId, PlanNote.Event.PROPOSED,
                    PlanNote.proposed(plan, draft.invoiceNumbers(), policy(), noteLocale));
        }
        return plan.getId();
    }

    /** A collector's yes to a proposed plan: it becomes active, and dunning of its invoices pauses. */
    public void approve(int division, long planId, Actor by) {
        PaymentPlan plan = find(division, planId);
        plan.approve(by, clock.instant());
        audit.record(division, by, "PLAN_APPROVED", "PaymentPlan", planId, "by " + by.name());
        note(plan, exactIdOf(plan.getDebtorId()), PlanNote.Event.APPROVED,
                PlanNote.approved(plan, invoiceNumbers(plan), noteLocale(division)));
    }

    /** A collector's no, with the reason the debtor and Exact's users are told; dunning carries on. */
    public void reject(int division, long planId, String reason, Actor by) {
        PaymentPlan plan = find(division, planId);
        plan.reject(by, reason, clock.instant());
        audit.record(division, by, "PLAN_REJECTED", "PaymentPlan", planId, plan.getRejectionReason());
        note(plan, exactIdOf(plan.getDebtorId()), PlanNote.Event.REJECTED, PlanNote.rejected(plan, noteLocale(division)));
    }

    /**
     * Follows the payments on the division's active plans ({@code review-instalments.sql}): instalments paid,
     * late or missed, one reminder per late instalment, plans completed or defaulted, each ended plan audited
     * and noted. Safe to run any number of times a day.
     */
    public PlanReview review(int division, LocalDate today) {
        PaymentPlanPolicy policy = policy();
        List<?> rows = em.createNativeQuery(REVIEW_SQL)
                .setParameter(1, division).setParameter(2, today).setParameter(3, policy.graceDays())
                .setParameter(4, Timestamp.from(clock.instant()))
                .getResultList();
        int completed = 0;
        int defaulted = 0;
        int instalments = 0;
        int reminders = 0;
        Locale noteLocale = noteLocale(division);
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            instalments = ((Number) r[2]).intValue();
            reminders = ((Number) r[3]).intValue();
            if (r[0] == null) {
                continue;
            }
            PaymentPlan plan = em.find(PaymentPlan.class, ((Number) r[0]).longValue());
            em.refresh(plan);
            UUID account = exactIdOf(plan.getDebtorId());
            if (plan.getStatus() == PlanStatus.COMPLETED) {
                completed++;
                audit.record(division, Actor.SYSTEM, "PLAN_COMPLETED", "PaymentPlan", plan.getId(),
                        PlanNote.paid(plan) + " paid");
                note(plan, account, PlanNote.Event.COMPLETED, PlanNote.completed(plan, noteLocale));
            } else {
                defaulted++;
                audit.record(division, Actor.SYSTEM, "PLAN_DEFAULTED", "PaymentPlan", plan.getId(),
                        "an instalment unpaid " + policy.graceDays() + " days past its due date; "
                                + plan.getTotal().minus(PlanNote.paid(plan)) + " left to dunning");
                note(plan, account, PlanNote.Event.DEFAULTED, PlanNote.defaulted(plan, policy.graceDays(), noteLocale));
            }
        }
        return new PlanReview(instalments, completed, defaulted, reminders);
    }

    /** The division's plans in this state, the newest first, with their instalments. */
    public List<PlanView> plans(int division, PlanStatus status, int max) {
        List<PaymentPlan> plans = em.createQuery("""
                select p from PaymentPlan p where p.division = :division and p.status = :status
                order by p.proposedAt desc, p.id desc
                """, PaymentPlan.class)
                .setParameter("division", division).setParameter("status", status)
                .setMaxResults(max).getResultList();
        List<PlanView> views = new ArrayList<>();
        for (PaymentPlan plan : plans) {
            Object[] debtor = (Object[]) em.createNativeQuery("SELECT code, name FROM debtor WHERE id = ?")
                    .setParameter(1, plan.getDebtorId()).getSingleResult();
            views.add(new PlanView(plan.getId(), (String) debtor[0], (String) debtor[1], plan.getStatus(),
                    plan.getTotal(), PlanNote.paid(plan), invoiceNumbers(plan),
                    plan.getInstalments().stream().map(i -> new PlanView.InstalmentView(i.getSequenceNumber(),
                            i.getDueDate(), i.getAmount(), i.getPaid(), i.getStatus())).toList(),
                    plan.getReviewReasons(), plan.getProposedBy(), plan.getProposedAt(), plan.getDecidedBy(),
                    plan.getDecidedAt(), plan.getRejectionReason(), plan.getEndedAt()));
        }
        return views;
    }

    /** Why a proposal waits, in the reader's language, with the figures of the policy in force. */
    public String explain(PolicyBreach breach, Locale locale) {
        return policy().explain(breach, locale);
    }

    private void note(PaymentPlan plan, UUID account, PlanNote.Event event, PlanNote note) {
        writeBacks.enqueueNote(plan.getDivision(), account, PlanNote.source(plan.getId(), event), note.subject(),
                note.notes());
    }

    private PaymentPlan find(int division, long planId) {
        PaymentPlan plan = em.find(PaymentPlan.class, planId);
        if (plan == null || plan.getDivision() != division) {
            throw new PlanRefused("unknownPlan", String.valueOf(planId));
        }
        em.lock(plan, LockModeType.PESSIMISTIC_WRITE);
        return plan;
    }

    private Locale noteLocale(int division) {
        Division company = em.find(Division.class, division);
        return company == null ? Locale.ENGLISH : company.noteLocale();
    }

    private UUID exactIdOf(long debtorId) {
        return (UUID) em.createNativeQuery("SELECT exact_id FROM debtor WHERE id = ?").setParameter(1, debtorId)
                .getSingleResult();
    }

    private List<String> invoiceNumbers(PaymentPlan plan) {
        List<Long> ids = plan.getInvoices().stream().map(PlanInvoice::getInvoiceId).toList();
        List<?> numbers = em.createNativeQuery("""
                SELECT coalesce(invoice_number, entry_number, CAST(id AS text)) FROM invoice
                WHERE id = ANY (CAST(? AS bigint[])) ORDER BY due_date, id
                """).setParameter(1, "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}")
                .getResultList();
        return new ArrayList<>(new LinkedHashSet<>(numbers.stream().map(String.class::cast).toList()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private record DebtorRow(long id, String code, String name, UUID exactId, Integer score) {
    }

    private record OpenItem(long id, String number, BigDecimal open, String currency, boolean disputed, Long inPlan) {
    }

    private record Draft(DebtorRow debtor, List<OpenItem> items, Money open, InstalmentSchedule schedule,
            List<PolicyBreach> breaches) {

        List<String> invoiceNumbers() {
            return new ArrayList<>(new LinkedHashSet<>(items.stream().map(OpenItem::number).toList()));
        }

        List<PlanInvoice> planInvoices() {
            return items.stream().map(i -> new PlanInvoice(i.id, i.open)).toList();
        }
    }

    /**
     * The plan a request describes, checked against the books. With {@code lock}, the debtor's row is locked
     * for the transaction, so that two proposals for the same debtor cannot both take an invoice.
     */
    private Draft draft(int division, PlanRequest request, boolean lock) {
        DebtorRow debtor = debtor(division, request.debtorCode(), lock);
        List<OpenItem> open = openItems(debtor.id);
        List<OpenItem> chosen = request.invoiceNumbers().isEmpty()
                ? open.stream().filter(i -> !i.disputed && i.inPlan == null).toList()
                : chosen(open, request.invoiceNumbers());
        if (chosen.isEmpty()) {
            throw new PlanRefused("noInvoices");
        }
        Set<String> currencies = new LinkedHashSet<>(chosen.stream().map(OpenItem::currency).toList());
        if (currencies.size() > 1) {
            throw new PlanRefused("mixedCurrencies", String.join(", ", currencies));
        }
        Money total = Money.of(chosen.stream().map(OpenItem::open).reduce(BigDecimal.ZERO, BigDecimal::add),
                currencies.iterator().next());
        InstalmentSchedule schedule = request.schedule(total);
        schedule.requireFits(total, today());
        return new Draft(debtor, chosen, total, schedule, policy().breaches(schedule, debtor.score, today()));
    }

    private static List<OpenItem> chosen(List<OpenItem> open, Collection<String> numbers) {
        Map<String, List<OpenItem>> byNumber = new HashMap<>();
        open.forEach(i -> byNumber.computeIfAbsent(i.number, n -> new ArrayList<>()).add(i));
        List<OpenItem> chosen = new ArrayList<>();
        for (String number : numbers) {
            List<OpenItem> items = byNumber.get(number);
            if (items == null) {
                throw new PlanRefused("notOpen", number);
            }
            for (OpenItem item : items) {
                if (item.disputed) {
                    throw new PlanRefused("disputed", number);
                }
                if (item.inPlan != null) {
                    throw new PlanRefused("inPlan", number, String.valueOf(item.inPlan));
                }
            }
            chosen.addAll(items);
        }
        return chosen;
    }

    private DebtorRow debtor(int division, String code, boolean lock) {
        if (code == null || code.isBlank()) {
            throw new PlanRefused("debtorMissing");
        }
        List<?> rows = em.createNativeQuery("SELECT id, code, name, exact_id, payment_score FROM debtor "
                + "WHERE division = ? AND code = ? AND NOT deleted_in_exact" + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, division).setParameter(2, code.strip()).getResultList();
        if (rows.isEmpty()) {
            throw new PlanRefused("unknownDebtor", code.strip());
        }
        Object[] r = (Object[]) rows.get(0);
        return new DebtorRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (UUID) r[3],
                r[4] == null ? null : ((Number) r[4]).intValue());
    }

    /** The debtor's open invoices (no credit notes), oldest due first, each with whether it may go in a plan. */
    private List<OpenItem> openItems(long debtorId) {
        List<?> rows = em.createNativeQuery("""
                SELECT i.id, coalesce(i.invoice_number, i.entry_number, CAST(i.id AS text)), i.open_amount, i.currency,
                       EXISTS (SELECT 1 FROM dispute x WHERE x.invoice_id = i.id AND x.status = 'OPEN'),
                       (SELECT min(p.id) FROM payment_plan_invoice ppi JOIN payment_plan p ON p.id = ppi.plan_id
                        WHERE ppi.invoice_id = i.id AND p.status IN ('PROPOSED', 'ACTIVE'))
                FROM invoice i
                WHERE i.debtor_id = ? AND i.closed_at IS NULL AND i.open_amount > 0
                ORDER BY i.due_date, i.id
                """).setParameter(1, debtorId).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new OpenItem(((Number) r[0]).longValue(), (String) r[1],
                (BigDecimal) r[2], (String) r[3], (Boolean) r[4], r[5] == null ? null : ((Number) r[5]).longValue()))
                .toList();
    }

    private static String sql(String name) {
        try (InputStream in = PaymentPlans.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

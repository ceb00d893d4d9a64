package nl.dunwise.debtor;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import nl.dunwise.audit.Actor;
import nl.dunwise.dunning.PlanningSettings;
import nl.dunwise.exact.Division;
import nl.dunwise.money.Money;
import nl.dunwise.receivable.ActionRefused;
import nl.dunwise.receivable.ActionRefused.Refusal;
import nl.dunwise.receivable.Debtor;

/**
 * Promises to pay a collector records and cancels. One open promise per debtor: a new date replaces the old
 * one by cancelling it first, so the trail shows both. Kept and broken are settled by the planning run.
 */
@Stateless
public class Promises {

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private FileTrail trail;

    @Inject
    private PlanningSettings planning;

    @Inject
    private Clock clock;

    private Integer graceDays;

    public Promises() {
    }

    /** For code that runs outside the container, such as tests with an entity manager of their own. */
    public Promises(EntityManager em, FileTrail trail, int graceDays, Clock clock) {
        this.em = em;
        this.trail = trail;
        this.graceDays = graceDays;
        this.clock = clock;
    }

    /** Records a promise; {@code amount} is null when the debtor promised what is overdue. Answers its id. */
    public long make(int division, long debtorId, LocalDate promisedDate, Money amount, Actor by) {
        Debtor debtor = DebtorActions.debtor(em, division, debtorId);
        long open = em.createQuery("select count(p) from PromiseToPay p where p.debtorId = :debtor and p.status = :open",
                Long.class).setParameter("debtor", debtorId).setParameter("open", PromiseStatus.OPEN).getSingleResult();
        if (open > 0) {
            throw new ActionRefused(Refusal.PROMISE_ALREADY_OPEN);
        }
        PromiseToPay promise = PromiseToPay.make(debtor, promisedDate, amount,
                em.find(Division.class, division).getCurrency(), by, LocalDate.now(clock), clock.instant());
        em.persist(promise);
        em.flush();
        Locale locale = trail.noteLanguage(division);
        String what = amount == null ? FileNote.word("promise.wholeAmount", locale) : amount.format(locale);
        int grace = graceDays();
        trail.record(debtor, by, "PROMISE_MADE", "PromiseToPay", promise.getId(),
                "to pay " + (amount == null ? "what is overdue" : amount) + " by " + promisedDate,
                FileNote.of("promise.made", locale, promisedDate, what, by.name(), grace));
        return promise.getId();
    }

    public void cancel(int division, long promiseId, Actor by) {
        PromiseToPay promise = em.find(PromiseToPay.class, promiseId);
        if (promise == null || promise.getDivision() != division) {
            throw new ActionRefused(Refusal.PROMISE_NOT_OPEN, (Object) null);
        }
        Debtor debtor = DebtorActions.debtor(em, division, promise.getDebtorId());
        promise.cancel(by, LocalDate.now(clock));
        trail.record(debtor, by, "PROMISE_CANCELLED", "PromiseToPay", promiseId, "promised for " + promise.getPromisedDate(),
                FileNote.of("promise.cancelled", trail.noteLanguage(division), promise.getPromisedDate(), by.name()));
    }

    private int graceDays() {
        return graceDays != null ? graceDays : planning.policy().promiseGraceDays();
    }
}

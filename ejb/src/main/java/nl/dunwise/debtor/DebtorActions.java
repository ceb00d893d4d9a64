package nl.dunwise.debtor;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import nl.dunwise.audit.Actor;
import nl.dunwise.exact.Division;
import nl.dunwise.money.Money;
import nl.dunwise.receivable.ActionRefused;
import nl.dunwise.receivable.ActionRefused.Refusal;
import nl.dunwise.receivable.Debtor;

/**
 * The switches a collector sets on a debtor's file: postpone dunning until a date, block and unblock it, credit
 * hold on and off, the credit limit. The rules live on {@link Debtor}; each action is audited and noted on the
 * Exact account, and a hold or a credit limit also changes the account there (Blocked, CreditLineSales).
 */
@Stateless
public class DebtorActions {

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private FileTrail trail;

    @Inject
    private Clock clock;

    public DebtorActions() {
    }

    /** For code that runs outside the container, such as tests with an entity manager of their own. */
    public DebtorActions(EntityManager em, FileTrail trail, Clock clock) {
        this.em = em;
        this.trail = trail;
        this.clock = clock;
    }

    public void postpone(int division, long debtorId, LocalDate until, String reason, Actor by) {
        Debtor debtor = debtor(em, division, debtorId);
        debtor.postponeUntil(until, LocalDate.now(clock));
        Locale locale = trail.noteLanguage(division);
        String why = reason == null || reason.isBlank() ? FileNote.word("noReason", locale) : reason.strip();
        trail.record(debtor, by, "DUNNING_POSTPONED", "Debtor", debtorId, "until " + until + ": " + why,
                FileNote.of("postponed", locale, until, by.name(), why));
    }

    public void block(int division, long debtorId, String reason, Actor by) {
        Debtor debtor = debtor(em, division, debtorId);
        debtor.blockDunning(reason);
        trail.record(debtor, by, "DUNNING_BLOCKED", "Debtor", debtorId, debtor.getDunningBlockReason(),
                FileNote.of("blocked", trail.noteLanguage(division), by.name(), debtor.getDunningBlockReason()));
    }

    public void unblock(int division, long debtorId, Actor by) {
        Debtor debtor = debtor(em, division, debtorId);
        debtor.unblockDunning();
        trail.record(debtor, by, "DUNNING_UNBLOCKED", "Debtor", debtorId, "",
                FileNote.of("unblocked", trail.noteLanguage(division), by.name()));
    }

    public void hold(int division, long debtorId, String reason, Actor by) {
        Debtor debtor = debtor(em, division, debtorId);
        debtor.putOnHold(reason);
        String source = trail.record(debtor, by, "CREDIT_HOLD_ON", "Debtor", debtorId, debtor.getHoldReason(),
                FileNote.of("hold", trail.noteLanguage(division), by.name(), debtor.getHoldReason()));
        trail.hold(debtor, source, true);
    }

    public void releaseHold(int division, long debtorId, Actor by) {
        Debtor debtor = debtor(em, division, debtorId);
        debtor.releaseHold();
        String source = trail.record(debtor, by, "CREDIT_HOLD_OFF", "Debtor", debtorId, "",
                FileNote.of("released", trail.noteLanguage(division), by.name()));
        trail.hold(debtor, source, false);
    }

    public void changeCreditLine(int division, long debtorId, Money limit, Actor by) {
        Debtor debtor = debtor(em, division, debtorId);
        Division company = em.find(Division.class, division);
        Locale locale = trail.noteLanguage(division);
        String before = debtor.getCreditLine() == null ? FileNote.word("creditLine.none", locale)
                : Money.of(debtor.getCreditLine(), company.getCurrency()).format(locale);
        debtor.changeCreditLine(limit, company.getCurrency());
        String after = limit.format(locale);
        String source = trail.record(debtor, by, "CREDIT_LINE_CHANGED", "Debtor", debtorId, before + " -> " + limit,
                FileNote.of("creditLine", locale, after, before, by.name()));
        trail.creditLine(debtor, source, limit.amount());
    }

    /** The debtor within the caller's division: an id from another division is not there. */
    public static Debtor debtor(EntityManager em, int division, long debtorId) {
        Debtor debtor = em.find(Debtor.class, debtorId);
        if (debtor == null || debtor.getDivision() != division) {
            throw new ActionRefused(Refusal.NO_SUCH_DEBTOR, debtorId);
        }
        return debtor;
    }
}

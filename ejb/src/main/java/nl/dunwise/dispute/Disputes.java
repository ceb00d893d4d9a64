package nl.dunwise.dispute;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Locale;
import nl.dunwise.audit.Actor;
import nl.dunwise.debtor.DebtorActions;
import nl.dunwise.debtor.FileNote;
import nl.dunwise.debtor.FileTrail;
import nl.dunwise.receivable.ActionRefused;
import nl.dunwise.receivable.ActionRefused.Refusal;
import nl.dunwise.receivable.Debtor;
import nl.dunwise.receivable.Invoice;

/** Raising and resolving disputes from the debtor's page; the rules live on {@link Dispute}. */
@Stateless
public class Disputes {

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private FileTrail trail;

    @Inject
    private Clock clock;

    public Disputes() {
    }

    /** For code that runs outside the container, such as tests with an entity manager of their own. */
    public Disputes(EntityManager em, FileTrail trail, Clock clock) {
        this.em = em;
        this.trail = trail;
        this.clock = clock;
    }

    /** Answers the new dispute's id. */
    public long raise(int division, long debtorId, long invoiceId, DisputeReason reason, String explanation, String owner,
            Actor by) {
        Debtor debtor = DebtorActions.debtor(em, division, debtorId);
        Invoice invoice = em.find(Invoice.class, invoiceId);
        // Two collectors raising one at the same moment both pass this check; the partial unique index of V18
        // then refuses the second.
        long open = em.createQuery("select count(d) from Dispute d where d.invoiceId = :invoice and d.status = :open",
                Long.class).setParameter("invoice", invoiceId).setParameter("open", DisputeStatus.OPEN).getSingleResult();
        if (open > 0) {
            throw new ActionRefused(Refusal.ALREADY_DISPUTED, invoice == null ? null : invoice.getInvoiceNumber());
        }
        Dispute dispute = Dispute.raise(debtor, invoice, reason, explanation, owner, by, clock.instant());
        em.persist(dispute);
        em.flush();
        Locale locale = trail.noteLanguage(division);
        trail.record(debtor, by, "DISPUTE_RAISED", "Dispute", dispute.getId(),
                invoice.getInvoiceNumber() + " " + reason + ", owner " + dispute.getOwner() + ": " + dispute.getExplanation(),
                FileNote.of("dispute.opened", locale, invoice.getInvoiceNumber(), FileNote.word("reason." + reason, locale),
                        dispute.getExplanation(), dispute.getOwner(), by.name()));
        return dispute.getId();
    }

    public void resolve(int division, long disputeId, DisputeStatus resolution, String note, Actor by) {
        Dispute dispute = em.find(Dispute.class, disputeId);
        if (dispute == null || dispute.getDivision() != division) {
            throw new ActionRefused(Refusal.DISPUTE_NOT_OPEN, (Object) null);
        }
        Debtor debtor = DebtorActions.debtor(em, division, dispute.getDebtorId());
        dispute.resolve(resolution, note, by, clock.instant());
        String invoiceNumber = em.find(Invoice.class, dispute.getInvoiceId()).getInvoiceNumber();
        Locale locale = trail.noteLanguage(division);
        trail.record(debtor, by, "DISPUTE_RESOLVED", "Dispute", disputeId,
                invoiceNumber + " " + resolution + ": " + dispute.getResolutionNote(),
                FileNote.of("dispute.resolved", locale, invoiceNumber, FileNote.word("resolution." + resolution, locale),
                        dispute.getResolutionNote(), by.name()));
    }
}

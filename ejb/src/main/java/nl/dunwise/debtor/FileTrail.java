package nl.dunwise.debtor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.Locale;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditEvent;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.exact.Division;
import nl.dunwise.exact.writeback.ExactWriteBacks;
import nl.dunwise.receivable.Debtor;

/**
 * What every collector's action leaves behind, in the action's transaction: an audit event and a note on the
 * debtor's Exact account. The note's source is the audit event ({@code audit:<id>}), so each action queues its
 * note once, however often the same switch is flipped.
 */
@ApplicationScoped
public class FileTrail {

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private ExactWriteBacks writeBacks;

    @Inject
    private AuditLog audit;

    public FileTrail() {
    }

    /** For code that runs outside the container, such as tests with an entity manager of their own. */
    public FileTrail(EntityManager em, ExactWriteBacks writeBacks, AuditLog audit) {
        this.em = em;
        this.writeBacks = writeBacks;
        this.audit = audit;
    }

    /** The language the notes on the division's accounts are written in: that of the people working in Exact. */
    public Locale noteLanguage(int division) {
        return em.find(Division.class, division).noteLocale();
    }

    /** Audits the action and queues its note; answers the source the action's write-backs share. */
    public String record(Debtor debtor, Actor actor, String action, String subjectType, Object subjectId, String details,
            FileNote note) {
        AuditEvent event = audit.record(debtor.getDivision(), actor, action, subjectType, subjectId,
                debtor.getCode() + " " + debtor.getName() + ": " + details);
        em.flush();
        String source = "audit:" + event.getId();
        writeBacks.enqueueNote(debtor.getDivision(), debtor.getExactId(), source, note.subject(), note.notes());
        return source;
    }

    void hold(Debtor debtor, String source, boolean blocked) {
        writeBacks.enqueueHold(debtor.getDivision(), debtor.getExactId(), source, blocked);
    }

    void creditLine(Debtor debtor, String source, BigDecimal creditLine) {
        writeBacks.enqueueCreditLine(debtor.getDivision(), debtor.getExactId(), source, creditLine);
    }
}

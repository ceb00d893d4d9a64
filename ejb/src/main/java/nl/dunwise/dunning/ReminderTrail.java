package nl.dunwise.dunning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.exact.Division;
import nl.dunwise.exact.document.InvoiceFiles;
import nl.dunwise.exact.writeback.ExactWriteBacks;
import nl.dunwise.receivable.Debtor;

/**
 * What every reminder that reached the debtor leaves behind, in the transaction that marked it sent: a
 * note on its Exact account (through the write-back outbox), so that people working in Exact see it, and
 * an audit event.
 */
@ApplicationScoped
public class ReminderTrail {

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private ExactWriteBacks writeBacks;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    public ReminderTrail() {
    }

    /** For code that runs outside the container; see {@link StandaloneDispatch}. */
    ReminderTrail(EntityManager em, ExactWriteBacks writeBacks, AuditLog audit, Clock clock) {
        this.em = em;
        this.writeBacks = writeBacks;
        this.audit = audit;
        this.clock = clock;
    }

    void delivered(Reminder reminder, Debtor debtor, ReminderContent composed, String recipient, String by) {
        ReminderNote note = ReminderNote.of(reminder.getStep().getTemplateCode(), reminder.getChannel(),
                recipient, LocalDate.now(clock), composed.items(), reminder.getTotal(),
                em.find(Division.class, reminder.getDivision()).noteLocale());
        writeBacks.enqueueNote(reminder.getDivision(), debtor.getExactId(), "reminder:" + reminder.getId(),
                note.subject(), note.notes());
        audit.record(reminder.getDivision(), Actor.SYSTEM, "REMINDER_SENT", "Reminder", reminder.getId(),
                reminder.getStep().getTemplateCode() + " by " + by + " to " + recipient + ", " + reminder.getTotal());
    }

    /** Which invoice PDFs an email carried and which invoices went without one, and why. */
    void invoicePdfs(Reminder reminder, InvoiceFiles pdfs) {
        String summary = pdfs.summary();
        if (!summary.isEmpty()) {
            audit.record(reminder.getDivision(), Actor.SYSTEM, pdfs.missing().isEmpty() ? "REMINDER_PDFS_ATTACHED"
                    : "REMINDER_PDFS_MISSING", "Reminder", reminder.getId(), summary);
        }
    }

    void skipped(Reminder reminder, String reason) {
        reminder.skipped(reason);
        audit.record(reminder.getDivision(), Actor.SYSTEM, "REMINDER_SKIPPED", "Reminder", reminder.getId(), reason);
    }
}

package nl.dunwise.dunning;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.exact.Division;
import nl.dunwise.exact.writeback.ExactWriteBacks;
import nl.dunwise.receivable.Debtor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends planned email reminders, one per transaction. The reminder row is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so two dispatchers (two timers, two servers) never take the same one;
 * it is marked sent, and a note on the debtor's Exact account is queued, in the same transaction. A crash
 * after the SMTP hand-over but before the commit sends it again on the next run, with the same Message-ID.
 */
@Stateless
public class ReminderDispatcher {

    private static final Logger LOG = Logger.getLogger(ReminderDispatcher.class.getName());

    public enum Outcome { SENT, SKIPPED, FAILED_ATTEMPT }

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Resource(lookup = "mail/dunwise")
    private Session mailSession;

    @Inject
    private ReminderComposer composer;

    @Inject
    private AuditLog audit;

    @Inject
    private ExactWriteBacks writeBacks;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "dunwise.mail.from")
    private Optional<String> from;

    /** Claims and sends the next planned email reminder; empty when there is none left to send. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Outcome> sendNext() {
        List<?> claimed = em.createNativeQuery("""
                SELECT id FROM reminder
                WHERE status = 'PLANNED' AND channel = 'EMAIL'
                ORDER BY planned_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).getResultList();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Reminder reminder = em.find(Reminder.class, ((Number) claimed.get(0)).longValue());
        Debtor debtor = em.find(Debtor.class, reminder.getDebtorId());
        String address = reminderAddress(debtor);
        if (address == null) {
            reminder.skipped("Neither the debtor nor its main contact has an email address in Exact Online.");
            audit.record(reminder.getDivision(), Actor.SYSTEM, "REMINDER_SKIPPED", "Reminder", reminder.getId(), reminder.getSkipReason());
            return Optional.of(Outcome.SKIPPED);
        }
        ReminderContent composed = composer.compose(reminder, debtor);
        RenderedMessage content = composed.message();
        try {
            Transport.send(ReminderMail.build(mailSession, from.orElse(null), address,
                    reminder.stableMessageId(), content, clock.instant()));
        } catch (MessagingException | RuntimeException e) {
            String error = "Sending to " + address + " failed: " + e.getMessage();
            LOG.warning(error);
            reminder.attemptFailed(error);
            return Optional.of(Outcome.FAILED_ATTEMPT);
        }
        reminder.sent(content, address, clock.instant());
        ReminderNote note = ReminderNote.of(reminder.getStep().getTemplateCode(), reminder.getChannel(),
                address, LocalDate.now(clock), composed.items(), reminder.getTotal(),
                ReminderNote.localeOfCountry(em.find(Division.class, reminder.getDivision()).getCountry()));
        writeBacks.enqueueNote(reminder.getDivision(), debtor.getExactId(), "reminder:" + reminder.getId(),
                note.subject(), note.notes());
        audit.record(reminder.getDivision(), Actor.SYSTEM, "REMINDER_SENT", "Reminder", reminder.getId(),
                reminder.getStep().getTemplateCode() + " by email to " + address + ", " + reminder.getTotal());
        return Optional.of(Outcome.SENT);
    }

    /** The account's own email address, else its main contact's (view debtor_reminder_address). */
    private String reminderAddress(Debtor debtor) {
        List<?> found = em.createNativeQuery("SELECT email FROM debtor_reminder_address WHERE debtor_id = ?")
                .setParameter(1, debtor.getId()).getResultList();
        return found.isEmpty() ? null : (String) found.get(0);
    }
}

package nl.dunwise.dunning;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;

/** Collectors decide on reminders whose step needs approval (e.g. the hand-over to a collection agency). */
@Stateless
public class ReminderApproval {

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    public void approve(long reminderId, Actor actor) {
        Reminder reminder = locked(reminderId);
        reminder.approve(actor, clock.instant());
        audit.record(reminder.getDivision(), actor, "REMINDER_APPROVED", "Reminder", reminderId,
                reminder.getStep().getTemplateCode() + " by " + reminder.getChannel() + ", " + reminder.getTotal());
    }

    public void reject(long reminderId, Actor actor, String reason) {
        Reminder reminder = locked(reminderId);
        reminder.reject(actor, reason, clock.instant());
        audit.record(reminder.getDivision(), actor, "REMINDER_REJECTED", "Reminder", reminderId,
                reminder.getStep().getTemplateCode() + ": " + reminder.getRejectionReason());
    }

    /** Locked, so that two collectors deciding at once cannot both win. */
    private Reminder locked(long reminderId) {
        Reminder reminder = em.find(Reminder.class, reminderId, LockModeType.PESSIMISTIC_WRITE);
        if (reminder == null) {
            throw new IllegalArgumentException("Reminder " + reminderId + " does not exist.");
        }
        return reminder;
    }
}

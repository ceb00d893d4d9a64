package nl.dunwise.dunning.bounce;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;

/**
 * Records bounces of reminder emails. A report is matched to its reminder by the VERP address it was returned
 * to, else by the Message-ID of the returned message. Each failed or delayed recipient becomes one
 * {@code email_bounce} row, unique per report and recipient, so reading a report twice records it once. A hard
 * bounce marks the reminder BOUNCED; one that says the mailbox is dead also flags the address the reminder went
 * to on the debtor, which holds back further email to it (planning rule EMAIL_BOUNCED, and the dispatcher for
 * reminders planned before) until Exact has another address or a collector clears the flag.
 */
@Stateless
public class EmailBounces {

    public enum Outcome {
        /** At least one bounce of the report was new. */
        RECORDED,
        /** Every bounce of the report was recorded before: the report was read already. */
        ALREADY_RECORDED,
        /** The report tells of deliveries only (delivered, relayed, expanded). */
        NOTHING_TO_RECORD,
        /** Neither the address nor the returned Message-ID names a reminder email of ours. */
        UNMATCHED
    }

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private BounceAddresses addresses;

    @Inject
    private Clock clock;

    public EmailBounces() {
    }

    /** For code that runs outside the container, such as tests with an entity manager of their own. */
    public EmailBounces(EntityManager em, AuditLog audit, BounceAddresses addresses, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.addresses = addresses;
        this.clock = clock;
    }

    private record SentReminder(long id, int division, long debtorId, String recipient) {
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome record(DeliveryReport report) {
        List<RecipientStatus> bounces = report.recipients().stream().filter(r -> r.kind().isPresent()).toList();
        if (bounces.isEmpty()) {
            return Outcome.NOTHING_TO_RECORD;
        }
        Optional<SentReminder> found = reminderOf(report);
        if (found.isEmpty()) {
            return Outcome.UNMATCHED;
        }
        SentReminder reminder = found.get();
        Instant now = clock.instant();
        Instant receivedAt = report.receivedAt() == null ? now : report.receivedAt();
        boolean recorded = false;
        for (RecipientStatus bounce : bounces) {
            BounceKind kind = bounce.kind().orElseThrow();
            List<?> inserted = em.createNativeQuery("""
                    INSERT INTO email_bounce (division, reminder_id, debtor_id, report_key, recipient, kind, status_code,
                                              diagnostic, received_at, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (report_key, recipient) DO NOTHING
                    RETURNING id
                    """).setParameter(1, reminder.division()).setParameter(2, reminder.id()).setParameter(3, reminder.debtorId())
                    .setParameter(4, report.key()).setParameter(5, bounce.recipient()).setParameter(6, kind.name())
                    .setParameter(7, bounce.status()).setParameter(8, bounce.diagnostic())
                    .setParameter(9, Timestamp.from(receivedAt)).setParameter(10, Timestamp.from(now)).getResultList();
            if (inserted.isEmpty()) {
                continue;
            }
            recorded = true;
            long bounceId = ((Number) inserted.get(0)).longValue();
            String what = bounce.recipient() + ": " + bounce.status() + (bounce.diagnostic() == null ? "" : " " + bounce.diagnostic());
            if (kind == BounceKind.HARD) {
                em.createNativeQuery("UPDATE reminder SET status = 'BOUNCED', last_error = ? WHERE id = ? AND status = 'SENT'")
                        .setParameter(1, "Bounced: " + what).setParameter(2, reminder.id()).executeUpdate();
            }
            if (bounce.addressIsDead() && reminder.recipient() != null) {
                em.createNativeQuery("UPDATE debtor SET bouncing_email = ?, bouncing_email_bounce_id = ? WHERE id = ?")
                        .setParameter(1, reminder.recipient()).setParameter(2, bounceId).setParameter(3, reminder.debtorId())
                        .executeUpdate();
            }
            audit.record(reminder.division(), Actor.SYSTEM, kind == BounceKind.HARD ? "EMAIL_BOUNCED" : "EMAIL_DELAYED",
                    "Reminder", reminder.id(), what + (bounce.addressIsDead() ? "; address flagged as bouncing" : ""));
        }
        return recorded ? Outcome.RECORDED : Outcome.ALREADY_RECORDED;
    }

    private Optional<SentReminder> reminderOf(DeliveryReport report) {
        for (String address : report.returnedTo()) {
            OptionalLong id = addresses.reminderOf(address);
            if (id.isPresent()) {
                Optional<SentReminder> found = sentEmail("id = ?", id.getAsLong());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return report.originalMessageId() == null ? Optional.empty() : sentEmail("message_id = ?", report.originalMessageId());
    }

    private Optional<SentReminder> sentEmail(String condition, Object value) {
        List<?> rows = em.createNativeQuery("SELECT id, division, debtor_id, recipient FROM reminder WHERE channel = 'EMAIL' AND "
                + condition).setParameter(1, value).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(r -> new SentReminder(((Number) r[0]).longValue(),
                ((Number) r[1]).intValue(), ((Number) r[2]).longValue(), (String) r[3]));
    }

    /**
     * Why email to this debtor at {@code address} is held back: the hard bounce that flagged it; empty when the
     * address is not the one flagged.
     */
    public Optional<String> bounceOf(long debtorId, String address) {
        List<?> rows = em.createNativeQuery("""
                SELECT b.status_code, b.diagnostic, b.received_at
                FROM debtor d JOIN email_bounce b ON b.id = d.bouncing_email_bounce_id
                WHERE d.id = ? AND lower(d.bouncing_email) = lower(?)
                """).setParameter(1, debtorId).setParameter(2, address).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(r -> "Email to " + address + " bounced on "
                + ((Timestamp) r[2]).toInstant() + " (" + r[0] + (r[1] == null ? "" : " " + r[1])
                + "); correct the address in Exact Online or clear the flag on the Dunning page.");
    }

    /** The debtors of the division whose address bounced, the latest bounce first. */
    public List<BouncingAddress> bouncing(int division) {
        List<?> rows = em.createNativeQuery("""
                SELECT d.id, d.code, d.name, d.bouncing_email, b.status_code, b.diagnostic, b.received_at, b.reminder_id,
                       coalesce(lower(a.email) = lower(d.bouncing_email), false)
                FROM debtor d
                JOIN email_bounce b ON b.id = d.bouncing_email_bounce_id
                LEFT JOIN debtor_reminder_address a ON a.debtor_id = d.id
                WHERE d.division = ? AND d.bouncing_email IS NOT NULL
                ORDER BY b.received_at DESC, d.code
                """).setParameter(1, division).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new BouncingAddress(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], ((Timestamp) r[6]).toInstant(),
                ((Number) r[7]).longValue(), (Boolean) r[8])).toList();
    }

    /**
     * A collector clears the flag once the address was fixed (in Exact, or the mailbox itself): email to the
     * debtor resumes with the next planning run. False when the flag was cleared already.
     */
    public boolean clear(int division, long debtorId, Actor by) {
        List<?> cleared = em.createNativeQuery("""
                UPDATE debtor d SET bouncing_email = NULL, bouncing_email_bounce_id = NULL
                FROM debtor old
                WHERE d.id = ? AND d.division = ? AND d.bouncing_email IS NOT NULL AND old.id = d.id
                RETURNING old.bouncing_email
                """).setParameter(1, debtorId).setParameter(2, division).getResultList();
        if (cleared.isEmpty()) {
            return false;
        }
        audit.record(division, by, "EMAIL_BOUNCE_CLEARED", "Debtor", debtorId, "Email to " + cleared.get(0) + " allowed again");
        return true;
    }
}

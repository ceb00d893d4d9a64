package nl.dunwise.dunning;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.MessageFormat;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.dunning.bounce.BounceAddresses;
import nl.dunwise.dunning.bounce.EmailBounces;
import nl.dunwise.dunning.channel.PhoneNumber;
import nl.dunwise.dunning.channel.SmsGatewayException;
import nl.dunwise.dunning.channel.SmsReceipt;
import nl.dunwise.exact.document.InvoiceFiles;
import nl.dunwise.exact.document.InvoicePdfs;
import nl.dunwise.receivable.Debtor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends planned reminders, one per transaction and one channel per claim. The reminder row is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so two dispatchers (two timers, two servers) never take the same one;
 * it is marked sent, and a note on the debtor's Exact account is queued, in the same transaction. A crash
 * after the hand-over (SMTP, SMS gateway) but before the commit sends it again on the next run: email with
 * the same Message-ID, SMS with the same reference. An email carries the invoices' PDFs when Exact has them. A call
 * task opens a task in the collectors' queue ({@link CallTask}). Letters go out in the daily print batch
 * instead ({@link LetterBatches}).
 */
@Stateless
public class ReminderDispatcher {

    private static final Logger LOG = Logger.getLogger(ReminderDispatcher.class.getName());

    /** The channels sent one reminder at a time, each claimed on its own. */
    public static final List<Channel> ONE_BY_ONE = List.of(Channel.EMAIL, Channel.SMS, Channel.CALL_TASK);


    public enum Outcome {
        SENT, SKIPPED,
        /** The channel is down (SMTP, gateway, missing settings): stop this channel until the next timer. */
        FAILED_ATTEMPT,
        /** The channel refused this reminder for good; the others of the channel may still go. */
        FAILED
    }

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Resource(lookup = "mail/dunwise")
    private Session mailSession;

    @Inject
    private ReminderComposer composer;

    @Inject
    private SmsChannel sms;

    @Inject
    private InvoicePdfs invoicePdfs;

    @Inject
    private AuditLog audit;

    @Inject
    private ReminderTrail trail;

    @Inject
    private BounceAddresses bounceAddresses;

    @Inject
    private EmailBounces bounces;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "dunwise.mail.from")
    private Optional<String> from;

    public ReminderDispatcher() {
    }

    /** For code that runs outside the container; see {@link StandaloneDispatch}. */
    ReminderDispatcher(EntityManager em, Session mailSession, ReminderComposer composer, SmsChannel sms,
            InvoicePdfs invoicePdfs, AuditLog audit, ReminderTrail trail, BounceAddresses bounceAddresses,
            EmailBounces bounces, Clock clock, Optional<String> from) {
        this.em = em;
        this.mailSession = mailSession;
        this.composer = composer;
        this.sms = sms;
        this.audit = audit;
        this.trail = trail;
        this.clock = clock;
        this.from = from;
        this.invoicePdfs = invoicePdfs;
        this.bounceAddresses = bounceAddresses;
        this.bounces = bounces;
    }

    /** The SMTP connection of one dispatch pass, to pass to each {@link #sendNext} of that pass and close after. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public MailConnection mailConnection() {
        return new MailConnection(mailSession);
    }

    /** Claims and sends the next planned reminder of {@code channel}; empty when there is none left to send. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Outcome> sendNext(Channel channel, MailConnection mail) {
        if (!ONE_BY_ONE.contains(channel)) {
            throw new IllegalArgumentException(channel + " reminders are not sent one by one");
        }
        // An email waits while its division's first round of invoice PDFs runs (after the first sync), so that the
        // first dunning run's emails carry their invoices; a round that never ended holds them no longer than that.
        List<?> claimed = em.createNativeQuery("""
                SELECT id FROM reminder
                WHERE status = 'PLANNED' AND channel = ?
                  AND NOT (channel = 'EMAIL' AND division IN (
                      SELECT code FROM division WHERE first_pdf_round_ended_at IS NULL AND first_pdf_round_started_at > ?))
                ORDER BY planned_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).setParameter(1, channel.name())
                .setParameter(2, Timestamp.from(clock.instant().minus(InvoicePdfs.FIRST_ROUND_HOLDS_EMAILS_AT_MOST)))
                .getResultList();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Reminder reminder = em.find(Reminder.class, ((Number) claimed.get(0)).longValue());
        Debtor debtor = em.find(Debtor.class, reminder.getDebtorId());
        return Optional.of(switch (channel) {
            case EMAIL -> email(reminder, debtor, mail);
            case SMS -> sms(reminder, debtor);
            case CALL_TASK -> callTask(reminder, debtor);
            default -> throw new IllegalStateException(channel.name());
        });
    }

    private Outcome email(Reminder reminder, Debtor debtor, MailConnection mail) {
        String address = reminderAddress(debtor);
        if (address == null) {
            return skip(reminder, "Neither the debtor nor its main contact has an email address in Exact Online.");
        }
        // Planned before the address bounced: the planning run holds back new ones (EMAIL_BOUNCED), this one stops here.
        Optional<String> bounced = bounces.bounceOf(debtor.getId(), address);
        if (bounced.isPresent()) {
            return skip(reminder, bounced.get());
        }
        ReminderContent composed = composer.compose(reminder, debtor);
        RenderedMessage content = composed.message();
        // Never throws: an invoice whose PDF cannot be had goes without it, and the trail says why.
        InvoiceFiles pdfs = invoicePdfs.forReminder(reminder.getId());
        try {
            mail.send(ReminderMail.build(mailSession, from.orElse(null), address, reminder.stableMessageId(), content,
                    pdfs.attached(), clock.instant()), bounceAddresses.envelopeSender(reminder.getId()));
        } catch (MessagingException | RuntimeException e) {
            String error = "Sending to " + address + " failed: " + e.getMessage();
            LOG.warning(error);
            reminder.attemptFailed(error);
            return Outcome.FAILED_ATTEMPT;
        }
        reminder.sent(content, address, reminder.stableMessageId(), clock.instant());
        trail.delivered(reminder, debtor, composed, address, "email");
        trail.invoicePdfs(reminder, pdfs);
        return Outcome.SENT;
    }

    private Outcome sms(Reminder reminder, Debtor debtor) {
        Optional<PhoneNumber> number = smsNumber(debtor);
        if (number.isEmpty()) {
            return skip(reminder, "Neither the debtor nor its main contact has a mobile number in Exact Online.");
        }
        ReminderContent composed = composer.compose(reminder, debtor);
        RenderedMessage content = composed.message();
        SmsReceipt receipt;
        try {
            receipt = sms.send(number.get(), content.text().strip(), "reminder-" + reminder.getId());
        } catch (SmsGatewayException e) {
            String error = "SMS to " + number.get() + " failed: " + e.getMessage();
            LOG.warning(error);
            if (e.isAboutTheMessage()) {
                reminder.failed(error);
                audit.record(reminder.getDivision(), Actor.SYSTEM, "REMINDER_FAILED", "Reminder", reminder.getId(), error);
                return Outcome.FAILED;
            }
            reminder.attemptFailed(error);
            return Outcome.FAILED_ATTEMPT;
        }
        reminder.sent(content, number.get().e164(), receipt.id(), clock.instant());
        trail.delivered(reminder, debtor, composed, number.get().e164(), "SMS");
        return Outcome.SENT;
    }

    private Outcome skip(Reminder reminder, String reason) {
        trail.skipped(reminder, reason);
        return Outcome.SKIPPED;
    }

    /** A call task is no message: it joins the collectors' queue, and the debtor hears from a person. */
    private Outcome callTask(Reminder reminder, Debtor debtor) {
        CallTask task = new CallTask(reminder, LocalDate.now(clock), clock.instant());
        em.persist(task);
        em.flush();
        reminder.handedToCollectors(clock.instant());
        audit.record(reminder.getDivision(), Actor.SYSTEM, "CALL_TASK_OPENED", "CallTask", task.getId(),
                reminder.getStep().getTemplateCode() + " for " + debtor.getCode() + " " + debtor.getName() + ", " + reminder.getTotal());
        return Outcome.SENT;
    }

    /** The account's own email address, else its main contact's (view debtor_reminder_address). */
    private String reminderAddress(Debtor debtor) {
        List<?> found = em.createNativeQuery("SELECT email FROM debtor_reminder_address WHERE debtor_id = ?")
                .setParameter(1, debtor.getId()).getResultList();
        return found.isEmpty() ? null : (String) found.get(0);
    }

    /** The first of the debtor's numbers that can take an SMS (view debtor_sms_number). */
    private Optional<PhoneNumber> smsNumber(Debtor debtor) {
        List<?> found = em.createNativeQuery("""
                SELECT country, contact_mobile, account_phone, contact_phone FROM debtor_sms_number WHERE debtor_id = ?
                """).setParameter(1, debtor.getId()).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) found.get(0);
        return PhoneNumber.firstMobile((String) row[0], (String) row[1], (String) row[2], (String) row[3]);
    }
}

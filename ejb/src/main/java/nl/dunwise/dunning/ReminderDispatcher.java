package nl.dunwise.dunning;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.MessageFormat;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
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
 * Sends planned reminders, a batch of one channel per transaction. The batch's reminder rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so two dispatchers (parallel passes, two timers, two servers) never take the
 * same one; each is marked sent, and a note on the debtor's Exact account is queued, in that transaction. A
 * crash after a hand-over (SMTP, SMS gateway) but before the commit sends the batch's handed-over reminders
 * again on the next run: email with the same Message-ID, SMS with the same reference (docs/dunning.md, "Exactly
 * once"). An email carries the invoices' PDFs when Exact has them. A call task opens a task in the collectors'
 * queue ({@link CallTask}). Letters go out in the daily print batch instead ({@link LetterBatches}).
 */
@Stateless
public class ReminderDispatcher {

    private static final Logger LOG = Logger.getLogger(ReminderDispatcher.class.getName());

    /** The channels the dispatcher sends, in batches it claims (letters go in the daily print batch). */
    public static final List<Channel> DISPATCHED = List.of(Channel.EMAIL, Channel.SMS, Channel.CALL_TASK);


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

    /** The SMTP connection of one dispatch pass, to pass to each {@link #sendBatch} of that pass and close after. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public MailConnection mailConnection() {
        return new MailConnection(mailSession);
    }

    /**
     * Claims up to {@code max} planned reminders of {@code channel}, oldest planned first, and sends them in this
     * one transaction; empty when there is none left to send. Stops at the first {@link Outcome#FAILED_ATTEMPT}
     * (the channel is down): the outcomes then end there, and the reminders after it stay planned, untouched.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Outcome> sendBatch(Channel channel, MailConnection mail, int max) {
        if (!DISPATCHED.contains(channel)) {
            throw new IllegalArgumentException(channel + " reminders are not sent by the dispatcher");
        }
        List<Reminder> claimed = claim(channel, max);
        if (claimed.isEmpty()) {
            return List.of();
        }
        Map<Long, Debtor> debtors = em.createQuery("select d from Debtor d where d.id in :ids", Debtor.class)
                .setParameter("ids", claimed.stream().map(Reminder::getDebtorId).distinct().toList())
                .getResultStream().collect(Collectors.toMap(Debtor::getId, d -> d));
        if (channel == Channel.EMAIL) {
            return emails(claimed, debtors, mail);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Reminder reminder : claimed) {
            Debtor debtor = debtors.get(reminder.getDebtorId());
            Outcome outcome = channel == Channel.SMS ? sms(reminder, debtor) : callTask(reminder, debtor);
            outcomes.add(outcome);
            if (outcome == Outcome.FAILED_ATTEMPT) {
                break;
            }
        }
        return outcomes;
    }

    /** The reminders of the batch, locked for this transaction, with their steps, in the order they go out. */
    private List<Reminder> claim(Channel channel, int max) {
        // An email waits while its division's first round of invoice PDFs runs (after the first sync), so that the
        // first dunning run's emails carry their invoices; a round that never ended holds them no longer than that.
        List<Long> ids = em.createNativeQuery("""
                SELECT id FROM reminder
                WHERE status = 'PLANNED' AND channel = ?
                  AND NOT (channel = 'EMAIL' AND division IN (
                      SELECT code FROM division WHERE first_pdf_round_ended_at IS NULL AND first_pdf_round_started_at > ?))
                ORDER BY planned_at, id
                LIMIT ?
                FOR UPDATE SKIP LOCKED
                """).setParameter(1, channel.name())
                .setParameter(2, Timestamp.from(clock.instant().minus(InvoicePdfs.FIRST_ROUND_HOLDS_EMAILS_AT_MOST)))
                .setParameter(3, max).getResultStream()
                .map(id -> ((Number) id).longValue()).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select r from Reminder r join fetch r.step where r.id in :ids order by r.plannedAt, r.id",
                Reminder.class).setParameter("ids", ids).getResultList();
    }

    /** An email made ready to go: composed, its PDFs attached, its MIME message written. */
    private record ReadyEmail(Reminder reminder, Debtor debtor, String address, ReminderContent composed,
            InvoiceFiles pdfs, MimeMessage message) {
    }

    /**
     * Every email of the batch is made before the first goes out, so that an error making one (a template
     * missing, say) rolls back a batch of which nothing was sent; then each goes over the pass's connection.
     */
    private List<Outcome> emails(List<Reminder> claimed, Map<Long, Debtor> debtors, MailConnection mail) {
        Map<Long, String> addresses = reminderAddresses(debtors.keySet());
        // Never throws: an invoice whose PDF cannot be had goes without it, and the trail says why.
        Map<Long, InvoiceFiles> pdfs = invoicePdfs.forReminders(claimed.stream().map(Reminder::getId).toList());
        List<Outcome> outcomes = new ArrayList<>();
        List<Reminder> toSend = new ArrayList<>();
        for (Reminder reminder : claimed) {
            Debtor debtor = debtors.get(reminder.getDebtorId());
            String address = addresses.get(debtor.getId());
            if (address == null) {
                outcomes.add(skip(reminder, "Neither the debtor nor its main contact has an email address in Exact Online."));
                continue;
            }
            // Planned before the address bounced: the planning run holds back new ones (EMAIL_BOUNCED), this one stops here.
            Optional<String> bounced = bounces.bounceOf(debtor.getId(), address);
            if (bounced.isPresent()) {
                outcomes.add(skip(reminder, bounced.get()));
                continue;
            }
            toSend.add(reminder);
        }
        Map<Long, ReminderContent> messages = composer.compose(toSend, debtors);
        List<ReadyEmail> ready = new ArrayList<>();
        Optional<Outcome> unwritable = Optional.empty();
        for (Reminder reminder : toSend) {
            Debtor debtor = debtors.get(reminder.getDebtorId());
            String address = addresses.get(debtor.getId());
            ReminderContent composed = messages.get(reminder.getId());
            InvoiceFiles files = pdfs.get(reminder.getId());
            try {
                ready.add(new ReadyEmail(reminder, debtor, address, composed, files, ReminderMail.build(mailSession,
                        from.orElse(null), address, reminder.stableMessageId(), composed.message(), files.attached(),
                        clock.instant())));
            } catch (MessagingException e) {
                // As a refusal by the server: counted on this reminder, and email stops for this pass (a sender
                // address of the settings that cannot be written would fail every one of them alike).
                unwritable = Optional.of(attemptFailed(reminder, "Sending to " + address + " failed: " + e.getMessage()));
                break;
            }
        }
        for (ReadyEmail email : ready) {
            Reminder reminder = email.reminder();
            try {
                mail.send(email.message(), bounceAddresses.envelopeSender(reminder.getId()));
            } catch (MessagingException | RuntimeException e) {
                outcomes.add(attemptFailed(reminder, "Sending to " + email.address() + " failed: " + e.getMessage()));
                return outcomes;
            }
            reminder.sent(email.composed().message(), email.address(), reminder.stableMessageId(), clock.instant());
            trail.delivered(reminder, email.debtor(), email.composed(), email.address(), "email");
            trail.invoicePdfs(reminder, email.pdfs());
            outcomes.add(Outcome.SENT);
        }
        unwritable.ifPresent(outcomes::add);
        return outcomes;
    }

    private static Outcome attemptFailed(Reminder reminder, String error) {
        LOG.warning(error);
        reminder.attemptFailed(error);
        return Outcome.FAILED_ATTEMPT;
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

    /** Per debtor, the account's own email address, else its main contact's (view debtor_reminder_address). */
    private Map<Long, String> reminderAddresses(Collection<Long> debtorIds) {
        List<?> rows = em.createNativeQuery("SELECT debtor_id, email FROM debtor_reminder_address WHERE debtor_id = ANY (?)")
                .setParameter(1, debtorIds.toArray(Long[]::new)).getResultList();
        Map<Long, String> addresses = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            if (r[1] != null) {
                addresses.put(((Number) r[0]).longValue(), (String) r[1]);
            }
        }
        return addresses;
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

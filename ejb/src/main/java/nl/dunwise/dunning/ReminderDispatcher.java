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
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.exact.Division;
import nl.dunwise.exact.writeback.ExactWriteBacks;
import nl.dunwise.money.Money;
import nl.dunwise.portal.PaymentLinks;
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
    private PaymentLinks links;

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
        if (debtor.getEmail() == null) {
            reminder.skipped("The debtor has no email address in Exact Online.");
            audit.record(reminder.getDivision(), Actor.SYSTEM, "REMINDER_SKIPPED", "Reminder", reminder.getId(), reminder.getSkipReason());
            return Optional.of(Outcome.SKIPPED);
        }
        Locale locale = debtor.locale();
        Division division = em.find(Division.class, reminder.getDivision());
        List<ReminderItem> items = items(reminder);
        RenderedMessage content = render(reminder, division, items, debtor, locale);
        try {
            Transport.send(ReminderMail.build(mailSession, from.orElse(null), debtor.getEmail(),
                    reminder.stableMessageId(), content, clock.instant()));
        } catch (MessagingException | RuntimeException e) {
            String error = "Sending to " + debtor.getEmail() + " failed: " + e.getMessage();
            LOG.warning(error);
            reminder.attemptFailed(error);
            return Optional.of(Outcome.FAILED_ATTEMPT);
        }
        reminder.sent(content, debtor.getEmail(), clock.instant());
        ReminderNote note = ReminderNote.of(reminder.getStep().getTemplateCode(), reminder.getChannel(),
                debtor.getEmail(), LocalDate.now(clock), items, reminder.getTotal(),
                ReminderNote.localeOfCountry(division.getCountry()));
        writeBacks.enqueueNote(reminder.getDivision(), debtor.getExactId(), "reminder:" + reminder.getId(),
                note.subject(), note.notes());
        audit.record(reminder.getDivision(), Actor.SYSTEM, "REMINDER_SENT", "Reminder", reminder.getId(),
                reminder.getStep().getTemplateCode() + " by email to " + debtor.getEmail() + ", " + reminder.getTotal());
        return Optional.of(Outcome.SENT);
    }

    private RenderedMessage render(Reminder reminder, Division division, List<ReminderItem> items, Debtor debtor,
            Locale locale) {
        Map<MergeField, String> values = new EnumMap<>(MergeField.class);
        values.put(MergeField.DEBTOR_NAME, debtor.getName());
        values.put(MergeField.DEBTOR_CODE, debtor.getCode());
        values.put(MergeField.COMPANY_NAME, division.getDescription());
        values.put(MergeField.TOTAL_OVERDUE, reminder.getTotal().format(locale));
        values.put(MergeField.PAYMENT_LINK, links.linkFor(reminder.getDivision(), debtor.getId()));
        values.put(MergeField.TODAY, LocalDate.now(clock).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)));
        return TemplateRenderer.render(template(reminder, locale), values, InvoiceTable.html(items, locale),
                InvoiceTable.text(items, locale));
    }

    /** The template in the debtor's language, else English, else Dutch. */
    private MessageTemplate template(Reminder reminder, Locale locale) {
        String code = reminder.getStep().getTemplateCode();
        for (String language : List.of(locale.getLanguage(), "en", "nl")) {
            List<MessageTemplate> found = em.createQuery("""
                    select t from MessageTemplate t
                    where t.division = :division and t.code = :code and t.channel = :channel and t.language = :language
                    """, MessageTemplate.class)
                    .setParameter("division", reminder.getDivision()).setParameter("code", code)
                    .setParameter("channel", reminder.getChannel()).setParameter("language", language)
                    .getResultList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        throw new IllegalStateException("Division " + reminder.getDivision() + " has no template " + code);
    }

    private List<ReminderItem> items(Reminder reminder) {
        List<?> rows = em.createNativeQuery("""
                SELECT i.invoice_number, i.invoice_date, i.due_date, ri.open_amount, ri.days_overdue, i.currency
                FROM reminder_invoice ri JOIN invoice i ON i.id = ri.invoice_id
                WHERE ri.reminder_id = ?
                ORDER BY i.due_date, i.invoice_number
                """).setParameter(1, reminder.getId()).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new ReminderItem((String) r[0],
                r[1] == null ? null : ((Date) r[1]).toLocalDate(), ((Date) r[2]).toLocalDate(),
                Money.of((BigDecimal) r[3], (String) r[5]), ((Number) r[4]).intValue())).toList();
    }
}

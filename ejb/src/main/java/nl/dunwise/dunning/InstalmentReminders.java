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
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.exact.Division;
import nl.dunwise.exact.writeback.ExactWriteBacks;
import nl.dunwise.money.Money;
import nl.dunwise.plan.PaymentPlanPolicy;
import nl.dunwise.plan.PlanSettings;
import nl.dunwise.portal.PaymentLinks;
import nl.dunwise.receivable.Debtor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the reminders the payment-plan review planned for late instalments (table instalment_reminder), by
 * email, in the dispatch pass beside the scenario reminders and over its SMTP connection. Each is claimed under
 * a row lock ({@code FOR UPDATE SKIP LOCKED}) and marked sent in the same transaction that queues its note on the
 * Exact account; its Message-ID is stable, so a crash after the hand-over resends the same message. A reminder
 * whose instalment got paid, or whose plan ended, before it went out is skipped with the reason.
 */
@Stateless
public class InstalmentReminders {

    private static final Logger LOG = Logger.getLogger(InstalmentReminders.class.getName());

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

    @Inject
    private PlanSettings plans;

    private PaymentPlanPolicy fixedPolicy;

    public InstalmentReminders() {
    }

    /** For code that runs outside the container; see {@link StandaloneDispatch}. */
    InstalmentReminders(EntityManager em, Session mailSession, PaymentLinks links, AuditLog audit,
            ExactWriteBacks writeBacks, Clock clock, Optional<String> from, PaymentPlanPolicy policy) {
        this.em = em;
        this.mailSession = mailSession;
        this.links = links;
        this.audit = audit;
        this.writeBacks = writeBacks;
        this.clock = clock;
        this.from = from;
        this.fixedPolicy = policy;
    }

    /** Claims and sends the next planned instalment reminder; empty when none is left. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<ReminderDispatcher.Outcome> sendNext(MailConnection mail) {
        List<?> claimed = em.createNativeQuery("""
                SELECT r.id, r.division, r.debtor_id, p.id, p.status, i.status, i.sequence_number, i.due_date,
                       i.amount - i.paid_amount, p.currency
                FROM instalment_reminder r
                JOIN instalment i ON i.id = r.instalment_id
                JOIN payment_plan p ON p.id = i.plan_id
                WHERE r.status = 'PLANNED'
                ORDER BY r.planned_at, r.id
                LIMIT 1
                FOR UPDATE OF r SKIP LOCKED
                """).getResultList();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) claimed.get(0);
        long id = ((Number) row[0]).longValue();
        int division = ((Number) row[1]).intValue();
        Debtor debtor = em.find(Debtor.class, ((Number) row[2]).longValue());
        long planId = ((Number) row[3]).longValue();
        if (!"ACTIVE".equals(row[4]) || !"LATE".equals(row[5])) {
            return Optional.of(skip(id, division, "Plan " + planId + " is " + row[4] + " and the instalment "
                    + row[5] + " now: the reminder no longer applies."));
        }
        List<?> addresses = em.createNativeQuery("SELECT email FROM debtor_reminder_address WHERE debtor_id = ?")
                .setParameter(1, debtor.getId()).getResultList();
        if (addresses.isEmpty() || addresses.get(0) == null) {
            return Optional.of(skip(id, division, "Neither the debtor nor its main contact has an email address in Exact Online."));
        }
        String address = (String) addresses.get(0);
        int number = ((Number) row[6]).intValue();
        LocalDate due = ((Date) row[7]).toLocalDate();
        Money open = Money.of((BigDecimal) row[8], (String) row[9]);
        RenderedMessage content = compose(debtor, number, due, open);
        try {
            mail.send(ReminderMail.build(mailSession, from.orElse(null), address,
                    "<instalment-reminder-" + id + "." + division + "@dunwise>", content, List.of(), clock.instant()),
                    Optional.empty());
        } catch (MessagingException | RuntimeException e) {
            String error = "Sending to " + address + " failed: " + e.getMessage();
            LOG.warning(error);
            em.createNativeQuery("UPDATE instalment_reminder SET attempts = attempts + 1, last_error = ? WHERE id = ?")
                    .setParameter(1, error).setParameter(2, id).executeUpdate();
            return Optional.of(ReminderDispatcher.Outcome.FAILED_ATTEMPT);
        }
        em.createNativeQuery("""
                UPDATE instalment_reminder SET status = 'SENT', sent_at = ?, recipient = ?, subject = ?, body = ?,
                       attempts = attempts + 1, last_error = NULL
                WHERE id = ?
                """).setParameter(1, Timestamp.from(clock.instant())).setParameter(2, address)
                .setParameter(3, content.subject()).setParameter(4, content.text()).setParameter(5, id).executeUpdate();
        Locale noteLocale = em.find(Division.class, division).noteLocale();
        ResourceBundle text = ReminderText.in(noteLocale);
        writeBacks.enqueueNote(division, debtor.getExactId(), "instalment-reminder:" + id,
                format(text, "instalment.note.subject", noteLocale, String.valueOf(planId), number),
                format(text, "instalment.note", noteLocale, number, open.format(noteLocale),
                        due.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(noteLocale)), address));
        audit.record(division, Actor.SYSTEM, "INSTALMENT_REMINDER_SENT", "PaymentPlan", planId,
                "instalment " + number + " (" + open + " open, due " + due + ") by email to " + address);
        return Optional.of(ReminderDispatcher.Outcome.SENT);
    }

    private RenderedMessage compose(Debtor debtor, int number, LocalDate due, Money open) {
        Locale locale = debtor.locale();
        ResourceBundle text = ReminderText.in(locale);
        String subject = format(text, "instalment.subject", locale, number);
        String body = format(text, "instalment.body", locale, debtor.getName(), number, open.format(locale),
                due.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)),
                (fixedPolicy != null ? fixedPolicy : plans.policy()).graceDays(),
                links.linkFor(debtor.getDivision(), debtor.getId()));
        StringBuilder html = new StringBuilder();
        for (String paragraph : body.split("\n\n")) {
            html.append("<p>").append(TemplateRenderer.escape(paragraph).replace("\n", "<br>\n")).append("</p>\n");
        }
        return new RenderedMessage(subject, html.toString(), body);
    }

    private ReminderDispatcher.Outcome skip(long id, int division, String reason) {
        em.createNativeQuery("UPDATE instalment_reminder SET status = 'SKIPPED', last_error = ? WHERE id = ?")
                .setParameter(1, reason).setParameter(2, id).executeUpdate();
        audit.record(division, Actor.SYSTEM, "INSTALMENT_REMINDER_SKIPPED", "InstalmentReminder", id, reason);
        return ReminderDispatcher.Outcome.SKIPPED;
    }

    private static String format(ResourceBundle text, String key, Locale locale, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}

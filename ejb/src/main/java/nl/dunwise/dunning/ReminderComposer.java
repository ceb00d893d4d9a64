package nl.dunwise.dunning;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.dunwise.exact.Division;
import nl.dunwise.money.Money;
import nl.dunwise.portal.PaymentLinks;
import nl.dunwise.receivable.Debtor;

/**
 * Fills a template for one debtor: the merge-field values, the table of its invoices and the payment
 * link, in the debtor's language. The dispatcher composes what it sends with it, and the template editor
 * previews with it, so that a preview shows exactly what the debtor would get.
 */
@Stateless
public class ReminderComposer {

    /** Divisions whose country Exact left empty are costed and dated by Dutch law, Dunwise's home market. */
    static final String DEFAULT_COUNTRY = "NL";

    /** The dated scales and rates are read once; they change with a release, not while running. */
    private static final ClaimStatements CLAIMS = ClaimStatements.standard();

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private PaymentLinks links;

    @Inject
    private Clock clock;

    public ReminderComposer() {
    }

    /** For code that runs outside the container; see {@link StandaloneDispatch}. */
    ReminderComposer(EntityManager em, PaymentLinks links, Clock clock) {
        this.em = em;
        this.links = links;
        this.clock = clock;
    }

    /** The message of a planned reminder, with the invoices it was planned with. */
    public ReminderContent compose(Reminder reminder, Debtor debtor) {
        return compose(List.of(reminder), Map.of(debtor.getId(), debtor)).get(reminder.getId());
    }

    /**
     * The messages of a dispatcher's batch of planned reminders, by reminder id: the invoices of all of them read
     * in one statement, and each template once for the batch. {@code debtors} holds the debtor of each reminder.
     */
    public Map<Long, ReminderContent> compose(List<Reminder> reminders, Map<Long, Debtor> debtors) {
        if (reminders.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<ReminderItem>> items = reminderItems(reminders.stream().map(Reminder::getId).toList());
        Map<TemplateKey, MessageTemplate> templates = new HashMap<>();
        Map<Long, ReminderContent> composed = new HashMap<>();
        for (Reminder reminder : reminders) {
            Debtor debtor = debtors.get(reminder.getDebtorId());
            Locale locale = debtor.locale();
            MessageTemplate template = templates.computeIfAbsent(new TemplateKey(reminder.getDivision(),
                    reminder.getStep().getTemplateCode(), reminder.getChannel(), locale),
                    key -> template(key.division(), key.code(), key.channel(), key.locale()));
            List<ReminderItem> itemsOf = items.getOrDefault(reminder.getId(), List.of());
            composed.put(reminder.getId(), new ReminderContent(render(template, debtor, itemsOf, reminder.getTotal(), locale),
                    itemsOf));
        }
        return composed;
    }

    /**
     * What {@code template} would look like for {@code debtor} today, with the overdue invoices a reminder
     * would chase (not credit notes, not disputed, not in an active payment plan).
     */
    public RenderedMessage preview(MessageTemplate template, Debtor debtor) {
        Locale locale = Locale.forLanguageTag(template.getLanguage());
        List<ReminderItem> items = overdueItems(debtor);
        Money total = items.stream().map(ReminderItem::openAmount).reduce(Money::plus)
                .orElse(Money.of(BigDecimal.ZERO, em.find(Division.class, debtor.getDivision()).getCurrency()));
        return render(template, debtor, items, total, locale);
    }

    private RenderedMessage render(MessageTemplate template, Debtor debtor, List<ReminderItem> items, Money total,
            Locale locale) {
        Division division = em.find(Division.class, debtor.getDivision());
        Map<MergeField, String> values = new EnumMap<>(MergeField.class);
        values.put(MergeField.DEBTOR_NAME, debtor.getName());
        values.put(MergeField.DEBTOR_CODE, debtor.getCode());
        values.put(MergeField.COMPANY_NAME, division.getDescription());
        values.put(MergeField.TOTAL_OVERDUE, total.format(locale));
        values.put(MergeField.PAYMENT_LINK, links.linkFor(debtor.getDivision(), debtor.getId()));
        DateTimeFormatter longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        LocalDate today = LocalDate.now(clock);
        values.put(MergeField.TODAY, today.format(longDate));
        Set<MergeField> used = TemplateRenderer.fieldsUsed(template);
        String country = division.getCountry() == null ? DEFAULT_COUNTRY : division.getCountry();
        if (used.contains(MergeField.COLLECTION_COSTS) || used.contains(MergeField.INTEREST) || used.contains(MergeField.TOTAL_CLAIM)) {
            ClaimStatement claim = claim(debtor, country, items, total, today);
            values.put(MergeField.COLLECTION_COSTS, claim.collectionCosts().format(locale));
            values.put(MergeField.INTEREST, claim.interest().format(locale));
            values.put(MergeField.TOTAL_CLAIM, claim.total().format(locale));
        }
        if (used.contains(MergeField.DEADLINE)) {
            values.put(MergeField.DEADLINE, new FourteenDayLetter(BusinessCalendar.of(country))
                    .deadline(today, template.getChannel()).format(longDate));
        }
        return TemplateRenderer.render(template, values, InvoiceTable.html(items, locale), InvoiceTable.text(items, locale));
    }

    /**
     * The claim on the reminder's overdue invoices (credit notes and items not yet due carry no interest or
     * costs); a reminder without any is a claim of nothing.
     */
    private static ClaimStatement claim(Debtor debtor, String country, List<ReminderItem> items, Money total, LocalDate today) {
        List<ClaimStatement.OverdueItem> overdue = items.stream()
                .filter(i -> i.dueDate().isBefore(today) && i.openAmount().amount().signum() > 0)
                .map(i -> new ClaimStatement.OverdueItem(i.invoiceNumber(), i.openAmount(), i.dueDate()))
                .toList();
        if (overdue.isEmpty()) {
            Money zero = Money.zero(total.currency().getCurrencyCode());
            return new ClaimStatement(today, country, kind(debtor), List.of(), zero, zero, zero, zero);
        }
        return CLAIMS.drawUp(kind(debtor), country, overdue, today);
    }

    private static DebtorKind kind(Debtor debtor) {
        return debtor.isConsumer() ? DebtorKind.CONSUMER : DebtorKind.BUSINESS;
    }

    /** Which template a reminder is written with: a batch reads each once. */
    private record TemplateKey(int division, String code, Channel channel, Locale locale) {
    }

    /** The template in the debtor's language, else English, else Dutch. */
    private MessageTemplate template(int division, String code, Channel channel, Locale locale) {
        for (String language : List.of(locale.getLanguage(), "en", "nl")) {
            Optional<MessageTemplate> found = em.createQuery("""
                    select t from MessageTemplate t
                    where t.division = :division and t.code = :code and t.channel = :channel and t.language = :language
                    """, MessageTemplate.class)
                    .setParameter("division", division).setParameter("code", code)
                    .setParameter("channel", channel).setParameter("language", language)
                    .getResultStream().findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalStateException("Division " + division + " has no template " + code + " for " + channel);
    }

    /** Per reminder, the invoices it was planned with, in due-date order. */
    private Map<Long, List<ReminderItem>> reminderItems(List<Long> reminderIds) {
        List<?> rows = em.createNativeQuery("""
                SELECT i.invoice_number, i.invoice_date, i.due_date, ri.open_amount, ri.days_overdue, i.currency, r.id
                FROM reminder r,
                     unnest(r.item_invoice_ids, r.item_open_amounts, r.item_days_overdue) AS ri(invoice_id, open_amount, days_overdue)
                JOIN invoice i ON i.id = ri.invoice_id
                WHERE r.id = ANY (?)
                ORDER BY r.id, i.due_date, i.invoice_number
                """).setParameter(1, reminderIds.toArray(Long[]::new)).getResultList();
        Map<Long, List<Object>> byReminder = new HashMap<>();
        for (Object row : rows) {
            byReminder.computeIfAbsent(((Number) ((Object[]) row)[6]).longValue(), id -> new ArrayList<>()).add(row);
        }
        Map<Long, List<ReminderItem>> items = new HashMap<>();
        byReminder.forEach((id, of) -> items.put(id, items(of)));
        return items;
    }

    private List<ReminderItem> overdueItems(Debtor debtor) {
        return items(em.createNativeQuery("""
                SELECT i.invoice_number, i.invoice_date, i.due_date, i.open_amount, ?::date - i.due_date, i.currency
                FROM invoice i
                WHERE i.debtor_id = ? AND i.closed_at IS NULL AND i.open_amount > 0 AND i.due_date < ?::date
                  AND NOT EXISTS (SELECT 1 FROM dispute x WHERE x.invoice_id = i.id AND x.status = 'OPEN')
                  AND NOT EXISTS (SELECT 1 FROM payment_plan_invoice ppi JOIN payment_plan p ON p.id = ppi.plan_id
                                  WHERE ppi.invoice_id = i.id AND p.status = 'ACTIVE')
                ORDER BY i.due_date, i.invoice_number
                """).setParameter(1, Date.valueOf(LocalDate.now(clock))).setParameter(2, debtor.getId())
                .setParameter(3, Date.valueOf(LocalDate.now(clock))).getResultList());
    }

    private static List<ReminderItem> items(List<?> rows) {
        return rows.stream().map(Object[].class::cast).map(r -> new ReminderItem((String) r[0],
                r[1] == null ? null : ((Date) r[1]).toLocalDate(), ((Date) r[2]).toLocalDate(),
                Money.of((BigDecimal) r[3], (String) r[5]), ((Number) r[4]).intValue())).toList();
    }
}

package nl.dunwise.dunning;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.exact.Division;
import nl.dunwise.exact.writeback.ExactWriteBacks;
import nl.dunwise.money.Money;

/**
 * The daily hand-over to the collection agency: every approved AGENCY reminder of a division goes into one
 * {@link AgencyHandOverFile} stored in {@code agency_handover}; each is marked sent with that file's id, its
 * debtor is marked handed over (the planning run then holds it back, {@link SkipReason#HANDED_OVER}), and a
 * note is queued on its Exact account, all in one transaction. The reminders are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so a second run at the same time (another timer, another server) hands none
 * of them over twice; a crash before the commit leaves them planned and no file behind.
 */
@Stateless
public class AgencyHandOvers {

    /** What the reminder's recipient says once the agency has it. */
    static final String RECIPIENT = "collection agency";

    private static final ClaimStatements CLAIMS = ClaimStatements.standard();

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private ExactWriteBacks writeBacks;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    public AgencyHandOvers() {
    }

    /** For code that runs outside the container, such as tests with an entity manager of their own. */
    AgencyHandOvers(EntityManager em, ExactWriteBacks writeBacks, AuditLog audit, Clock clock) {
        this.em = em;
        this.writeBacks = writeBacks;
        this.audit = audit;
        this.clock = clock;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AgencyHandOverResult handOver(int division, LocalDate day) {
        List<Long> claimed = ids(em.createNativeQuery("""
                SELECT id FROM reminder
                WHERE status = 'PLANNED' AND channel = 'AGENCY' AND division = ?
                ORDER BY planned_at, id
                FOR UPDATE SKIP LOCKED
                """).setParameter(1, division).getResultList());
        if (claimed.isEmpty()) {
            return new AgencyHandOverResult(null, 0, 0);
        }
        Division company = em.find(Division.class, division);
        String country = company.getCountry() == null ? ReminderComposer.DEFAULT_COUNTRY : company.getCountry();
        String reminders = idArray(claimed);
        Map<Long, AgencyHandOverFile.Debtor> debtors = debtors(reminders);
        Map<Long, List<AgencyHandOverFile.Invoice>> invoices = invoices(reminders);
        Map<Long, List<AgencyHandOverFile.SentReminder>> sent = sentBefore(reminders);
        Map<Long, List<AgencyHandOverFile.Dispute>> disputes = disputes(reminders);
        Map<Long, List<AgencyHandOverFile.Promise>> promises = promises(reminders);

        List<AgencyHandOverFile.Claim> claims = new ArrayList<>();
        List<Long> nothingOpen = new ArrayList<>();
        for (long reminder : claimed) {
            List<AgencyHandOverFile.Invoice> open = invoices.getOrDefault(reminder, List.of());
            if (open.isEmpty()) {
                nothingOpen.add(reminder);
                continue;
            }
            AgencyHandOverFile.Debtor debtor = debtors.get(reminder);
            ClaimStatement statement = CLAIMS.drawUp(debtor.kind(), country, open.stream()
                    .map(i -> new ClaimStatement.OverdueItem(i.number(), i.openAmount(), i.dueDate())).toList(), day);
            claims.add(new AgencyHandOverFile.Claim(reminder, debtor, open, statement,
                    sent.getOrDefault(reminder, List.of()), disputes.getOrDefault(reminder, List.of()),
                    promises.getOrDefault(reminder, List.of())));
        }
        skipNothingOpen(nothingOpen);
        if (claims.isEmpty()) {
            return new AgencyHandOverResult(null, 0, nothingOpen.size());
        }
        long handOverId = store(company, day, claims);
        markHandedOver(handOverId, day, idArray(claims.stream().map(AgencyHandOverFile.Claim::reminderId).toList()));
        Locale noteLanguage = company.noteLocale();
        for (AgencyHandOverFile.Claim claim : claims) {
            writeBacks.enqueueNote(division, claim.debtor().exactId(), "agency-handover:" + claim.reminderId(),
                    ReminderText.in(noteLanguage).getString("note.handedOver.subject"),
                    note(claim, handOverId, day, noteLanguage));
            audit.record(division, Actor.SYSTEM, "REMINDER_SENT", "Reminder", claim.reminderId(),
                    "agency hand-over " + handOverId + " of " + claim.debtor().code() + " " + claim.debtor().name()
                            + ", " + claim.statement().total());
        }
        audit.record(division, Actor.SYSTEM, "AGENCY_HANDED_OVER", "AgencyHandOver", handOverId,
                claims.size() + " debtor(s) for " + day);
        return new AgencyHandOverResult(handOverId, claims.size(), nothingOpen.size());
    }

    /** The hand-over files of a division, newest first. */
    public List<AgencyHandOverView> handOvers(int division, int max) {
        List<?> rows = em.createNativeQuery("""
                SELECT id, division, handover_date, format_version, reminder_count, created_at
                FROM agency_handover WHERE division = ? ORDER BY handover_date DESC, id DESC LIMIT ?
                """).setParameter(1, division).setParameter(2, max).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new AgencyHandOverView(((Number) r[0]).longValue(),
                ((Number) r[1]).intValue(), ((Date) r[2]).toLocalDate(), ((Number) r[3]).intValue(),
                ((Number) r[4]).intValue(), ((Timestamp) r[5]).toInstant())).toList();
    }

    /** The file of a hand-over of {@code division}; empty for one of another division. */
    public Optional<byte[]> content(int division, long handOverId) {
        return em.createNativeQuery("SELECT content FROM agency_handover WHERE id = ? AND division = ?")
                .setParameter(1, handOverId).setParameter(2, division).getResultStream().findFirst()
                .map(byte[].class::cast);
    }

    /*
     * The file row takes its id before the content exists, since each line names it; both are written in this
     * transaction, so nobody sees the row without its content.
     */
    private long store(Division company, LocalDate day, List<AgencyHandOverFile.Claim> claims) {
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO agency_handover (division, handover_date, format_version, reminder_count, content, created_at)
                VALUES (?, ?, ?, ?, ''::bytea, ?)
                RETURNING id
                """).setParameter(1, company.getCode()).setParameter(2, Date.valueOf(day))
                .setParameter(3, AgencyHandOverFile.FORMAT_VERSION).setParameter(4, claims.size())
                .setParameter(5, Timestamp.from(clock.instant())).getSingleResult()).longValue();
        byte[] content = AgencyHandOverFile.content(id, day, new AgencyHandOverFile.Creditor(company.getCode(),
                company.getDescription(), company.getCountry()), claims);
        em.createNativeQuery("UPDATE agency_handover SET content = ? WHERE id = ?")
                .setParameter(1, content).setParameter(2, id).executeUpdate();
        return id;
    }

    /** The reminders are sent, and their debtors are the agency's from now on. */
    private void markHandedOver(long handOverId, LocalDate day, String reminders) {
        em.createNativeQuery("""
                UPDATE reminder SET status = 'SENT', sent_at = ?, recipient = ?, message_id = 'agency-handover-' || ?,
                       agency_handover_id = ?, attempts = attempts + 1, last_error = NULL
                WHERE id = ANY(CAST(? AS bigint[]))
                """).setParameter(1, Timestamp.from(clock.instant())).setParameter(2, RECIPIENT)
                .setParameter(3, handOverId).setParameter(4, handOverId).setParameter(5, reminders).executeUpdate();
        em.createNativeQuery("""
                UPDATE debtor SET handed_over_on = ?, agency_handover_id = ?
                WHERE id IN (SELECT debtor_id FROM reminder WHERE id = ANY(CAST(? AS bigint[])))
                """).setParameter(1, Date.valueOf(day)).setParameter(2, handOverId).setParameter(3, reminders)
                .executeUpdate();
    }

    /** Everything was paid, credited or disputed since the approval: there is nothing to hand over. */
    private void skipNothingOpen(List<Long> reminders) {
        if (reminders.isEmpty()) {
            return;
        }
        String reason = "Nothing of this reminder is open and undisputed any more: nothing to hand over.";
        List<?> divisions = em.createNativeQuery("""
                UPDATE reminder SET status = 'SKIPPED', skip_reason = ? WHERE id = ANY(CAST(? AS bigint[]))
                RETURNING id, division
                """).setParameter(1, reason).setParameter(2, idArray(reminders)).getResultList();
        for (Object row : divisions) {
            Object[] r = (Object[]) row;
            audit.record(((Number) r[1]).intValue(), Actor.SYSTEM, "REMINDER_SKIPPED", "Reminder", r[0], reason);
        }
    }

    private String note(AgencyHandOverFile.Claim claim, long handOverId, LocalDate day, Locale locale) {
        ResourceBundle text = ReminderText.in(locale);
        ClaimStatement s = claim.statement();
        List<ReminderItem> items = claim.invoices().stream().map(i -> new ReminderItem(i.number(), i.invoiceDate(),
                i.dueDate(), i.openAmount(), (int) (day.toEpochDay() - i.dueDate().toEpochDay()))).toList();
        return new MessageFormat(text.getString("note.handedOver"), locale).format(new Object[] {
                day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)),
                String.valueOf(handOverId), s.principal().format(locale), s.interest().format(locale),
                s.collectionCosts().format(locale), s.total().format(locale)})
                + "\n\n" + InvoiceTable.text(items, locale);
    }

    // The queries below read what the file needs for all claimed reminders at once, keyed by reminder id.

    /** The debtor of each reminder, with the account's email and phone, else its main contact's. */
    private Map<Long, AgencyHandOverFile.Debtor> debtors(String reminders) {
        return rows("""
                SELECT r.id, d.id, d.exact_id, d.code, d.name, d.consumer, d.language, a.email,
                       coalesce(n.account_phone, n.contact_phone, n.contact_mobile), d.address_line1, d.postcode,
                       d.city, d.country
                FROM reminder r JOIN debtor d ON d.id = r.debtor_id
                LEFT JOIN debtor_reminder_address a ON a.debtor_id = d.id
                LEFT JOIN debtor_sms_number n ON n.debtor_id = d.id
                WHERE r.id = ANY(CAST(? AS bigint[]))
                """, reminders).stream().collect(Collectors.toMap(r -> id(r[0]), r -> new AgencyHandOverFile.Debtor(
                id(r[1]), (UUID) r[2], (String) r[3], (String) r[4],
                Boolean.TRUE.equals(r[5]) ? DebtorKind.CONSUMER : DebtorKind.BUSINESS, (String) r[6], (String) r[7],
                (String) r[8], (String) r[9], (String) r[10], (String) r[11], (String) r[12])));
    }

    /**
     * The reminder's invoices as they stand today: paid, credited and closed ones drop out, and so do those
     * disputed since (an agency does not collect what is contested; the dispute is listed instead).
     */
    private Map<Long, List<AgencyHandOverFile.Invoice>> invoices(String reminders) {
        return grouped("""
                SELECT r.id, i.invoice_number, i.invoice_date, i.due_date, i.amount, i.open_amount, i.currency
                FROM reminder r JOIN invoice i ON i.id = ANY(r.item_invoice_ids)
                WHERE r.id = ANY(CAST(? AS bigint[])) AND i.closed_at IS NULL AND i.open_amount > 0
                  AND NOT EXISTS (SELECT 1 FROM dispute x WHERE x.invoice_id = i.id AND x.status = 'OPEN')
                ORDER BY r.id, i.due_date, i.invoice_number
                """, reminders, r -> new AgencyHandOverFile.Invoice((String) r[1], date(r[2]), date(r[3]),
                r[4] == null ? null : Money.of((BigDecimal) r[4], (String) r[6]), Money.of((BigDecimal) r[5], (String) r[6])));
    }

    /** The reminders of this cycle sent before: those that held any invoice the hand-over holds. */
    private Map<Long, List<AgencyHandOverFile.SentReminder>> sentBefore(String reminders) {
        return grouped("""
                SELECT r.id, s.sent_at, st.template_code, st.day_offset, s.channel
                FROM reminder r
                JOIN reminder s ON s.debtor_id = r.debtor_id AND s.status = 'SENT' AND s.id <> r.id
                JOIN step st ON st.id = s.step_id
                WHERE r.id = ANY(CAST(? AS bigint[]))
                  AND s.item_invoice_ids && r.item_invoice_ids
                ORDER BY r.id, s.sent_at, s.id
                """, reminders, r -> new AgencyHandOverFile.SentReminder(day(r[1]), (String) r[2],
                ((Number) r[3]).intValue(), Channel.valueOf((String) r[4])));
    }

    /** The debtor's open disputes, on any of its invoices. */
    private Map<Long, List<AgencyHandOverFile.Dispute>> disputes(String reminders) {
        return grouped("""
                SELECT r.id, i.invoice_number, x.reason, x.opened_at, x.explanation
                FROM reminder r JOIN dispute x ON x.debtor_id = r.debtor_id AND x.status = 'OPEN'
                JOIN invoice i ON i.id = x.invoice_id
                WHERE r.id = ANY(CAST(? AS bigint[]))
                ORDER BY r.id, x.opened_at, x.id
                """, reminders, r -> new AgencyHandOverFile.Dispute((String) r[1], (String) r[2], day(r[3]), (String) r[4]));
    }

    /** The debtor's promises to pay made since its oldest handed-over invoice fell due, kept or broken. */
    private Map<Long, List<AgencyHandOverFile.Promise>> promises(String reminders) {
        return grouped("""
                SELECT r.id, p.made_at, p.promised_date, p.amount, p.currency, p.status
                FROM reminder r JOIN promise_to_pay p ON p.debtor_id = r.debtor_id AND p.made_at >= r.cycle_due_date
                WHERE r.id = ANY(CAST(? AS bigint[]))
                ORDER BY r.id, p.made_at, p.id
                """, reminders, r -> new AgencyHandOverFile.Promise(day(r[1]), date(r[2]),
                r[3] == null ? null : Money.of((BigDecimal) r[3], (String) r[4]), (String) r[5]));
    }

    private <T> Map<Long, List<T>> grouped(String sql, String reminders, Function<Object[], T> row) {
        Map<Long, List<T>> byReminder = new LinkedHashMap<>();
        for (Object[] r : rows(sql, reminders)) {
            byReminder.computeIfAbsent(id(r[0]), k -> new ArrayList<>()).add(row.apply(r));
        }
        return byReminder;
    }

    private List<Object[]> rows(String sql, String reminders) {
        return ((List<?>) em.createNativeQuery(sql).setParameter(1, reminders).getResultList()).stream()
                .map(Object[].class::cast).toList();
    }

    /** A PostgreSQL array literal of ids, bound as one parameter ({@code = ANY(CAST(? AS bigint[]))}). */
    private static String idArray(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static List<Long> ids(List<?> rows) {
        return rows.stream().map(AgencyHandOvers::id).toList();
    }

    private static long id(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : ((Date) value).toLocalDate();
    }

    private LocalDate day(Object timestamp) {
        return LocalDate.ofInstant(((Timestamp) timestamp).toInstant(), clock.getZone());
    }
}

package nl.dunwise.dunning;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.dunwise.dunning.channel.Letter;
import nl.dunwise.dunning.channel.LetterPdf;
import nl.dunwise.exact.Division;
import nl.dunwise.receivable.Debtor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The daily print run: every planned letter of a division is rendered into one PDF, stored in
 * {@code letter_batch}, and marked sent with that batch's id, all in one transaction. The letters are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so a second run at the same time prints none of them twice; a crash
 * before the commit leaves them planned and no batch behind.
 */
@Stateless
public class LetterBatches {

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private ReminderComposer composer;

    @Inject
    private ReminderTrail trail;

    @Inject
    private Clock clock;

    /** One line with the creditor's postal address, above the recipient in the window; else the company name. */
    @Inject
    @ConfigProperty(name = "dunwise.letter.return-address")
    private Optional<String> returnAddress;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public LetterBatchResult print(int division, LocalDate printDate) {
        List<?> claimed = em.createNativeQuery("""
                SELECT id FROM reminder
                WHERE status = 'PLANNED' AND channel = 'LETTER' AND division = ?
                ORDER BY planned_at, id
                FOR UPDATE SKIP LOCKED
                """).setParameter(1, division).getResultList();
        Division company = em.find(Division.class, division);
        List<Letter> letters = new ArrayList<>();
        List<Printed> printed = new ArrayList<>();
        int skipped = 0;
        for (Object id : claimed) {
            Reminder reminder = em.find(Reminder.class, ((Number) id).longValue());
            Debtor debtor = em.find(Debtor.class, reminder.getDebtorId());
            Optional<List<String>> address = ReminderLetter.postalAddress(em, debtor, company);
            if (address.isEmpty()) {
                trail.skipped(reminder, "The debtor has no postal address (street, postcode and city) in Exact Online.");
                skipped++;
                continue;
            }
            ReminderContent composed = composer.compose(reminder, debtor);
            letters.add(ReminderLetter.of(company, returnAddress, address.get(), debtor, printDate, composed.message()));
            printed.add(new Printed(reminder, debtor, composed, String.join(", ", address.get())));
        }
        if (letters.isEmpty()) {
            return new LetterBatchResult(null, 0, skipped);
        }
        byte[] pdf = LetterPdf.render(letters);
        long batchId = ((Number) em.createNativeQuery("""
                INSERT INTO letter_batch (division, print_date, sequence, letter_count, page_count, pdf, created_at)
                SELECT ?, ?, coalesce(max(sequence), 0) + 1, ?, ?, ?, ?
                FROM letter_batch WHERE division = ? AND print_date = ?
                RETURNING id
                """).setParameter(1, division).setParameter(2, Date.valueOf(printDate)).setParameter(3, letters.size())
                .setParameter(4, LetterPdf.pageCount(pdf)).setParameter(5, pdf).setParameter(6, Timestamp.from(clock.instant()))
                .setParameter(7, division).setParameter(8, Date.valueOf(printDate)).getSingleResult()).longValue();
        for (Printed p : printed) {
            p.reminder().printed(p.content().message(), p.address(), batchId, clock.instant());
            trail.delivered(p.reminder(), p.debtor(), p.content(), p.address(), "letter (batch " + batchId + ")");
        }
        return new LetterBatchResult(batchId, printed.size(), skipped);
    }

    /** The batches of a division, newest first. */
    public List<LetterBatchView> batches(int division, int max) {
        List<?> rows = em.createNativeQuery("""
                SELECT id, division, print_date, sequence, letter_count, page_count, created_at FROM letter_batch
                WHERE division = ? ORDER BY print_date DESC, sequence DESC LIMIT ?
                """).setParameter(1, division).setParameter(2, max).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new LetterBatchView(((Number) r[0]).longValue(),
                ((Number) r[1]).intValue(), ((Date) r[2]).toLocalDate(), ((Number) r[3]).intValue(),
                ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), ((Timestamp) r[6]).toInstant())).toList();
    }

    /** The PDF of a batch of {@code division}; empty for a batch of another division. */
    public Optional<byte[]> pdf(int division, long batchId) {
        return em.createNativeQuery("SELECT pdf FROM letter_batch WHERE id = ? AND division = ?")
                .setParameter(1, batchId).setParameter(2, division).getResultStream().findFirst().map(byte[].class::cast);
    }

    private record Printed(Reminder reminder, Debtor debtor, ReminderContent content, String address) {
    }
}

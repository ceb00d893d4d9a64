package nl.dunwise.debtor;

import static nl.dunwise.testing.CollectorDesk.COLIN;
import static nl.dunwise.testing.CollectorDesk.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import nl.dunwise.money.Money;
import nl.dunwise.receivable.ActionRefused;
import nl.dunwise.receivable.ActionRefused.Refusal;
import nl.dunwise.testing.CollectorDesk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Promises to pay on PostgreSQL: reminders wait until the promised date plus the grace days; the planning run
 * then settles the promise as kept (paid in time) or broken, and a broken one counts in the debtor's score.
 */
class PromisesTest {

    private static CollectorDesk desk;

    @BeforeAll
    static void openDesk() throws SQLException {
        desk = new CollectorDesk(PromisesTest.class);
    }

    @AfterAll
    static void closeDesk() throws SQLException {
        desk.close();
    }

    private static long promise(int division, long debtor, LocalDate date, Money amount) {
        return desk.act(s -> s.promises().make(division, debtor, date, amount, COLIN));
    }

    private static String status(long promise) throws SQLException {
        return desk.rows("SELECT status, settled_on FROM promise_to_pay WHERE id = ?", promise).get(0);
    }

    private static List<String> notes(long debtor) throws SQLException {
        return desk.rows("SELECT w.payload FROM exact_writeback w JOIN debtor d ON d.exact_id = w.account_id "
                + "WHERE d.id = ? AND w.kind = 'NOTE' ORDER BY w.id", debtor);
    }

    @Test
    void remindersWaitUntilThePromisedDatePlusGraceThenThePromiseIsBrokenAndCountsInTheScore() throws SQLException {
        int division = desk.division("NL");
        long debtor = desk.debtor(division, "promised");
        desk.invoice(debtor, TODAY.minusDays(10), "400.00");

        long promise = promise(division, debtor, TODAY.plusDays(2), null);

        assertEquals(1, notes(debtor).size());
        assertTrue(notes(debtor).get(0).contains("De debiteur beloofde het vervallen bedrag te betalen vóór 27 november 2026"
                + " (vastgelegd door colin). Herinneringen wachten tot 3 dag(en) na die datum."), notes(debtor).get(0));
        assertEquals(List.of("colin | PROMISE_MADE"), desk.rows("SELECT actor, action FROM audit_event WHERE subject_type = "
                + "'PromiseToPay' AND subject_id = ?", String.valueOf(promise)));

        desk.plan(division, TODAY);
        desk.plan(division, TODAY.plusDays(5));
        assertEquals("OPEN | null", status(promise), "on the promised date + 3 grace days it may still be paid");
        desk.plan(division, TODAY.plusDays(6));

        assertEquals(List.of(TODAY + " | PROMISE_TO_PAY", TODAY.plusDays(5) + " | PROMISE_TO_PAY"),
                desk.rows("SELECT run_date, reason FROM dunning_skip WHERE debtor_id = ? ORDER BY run_date", debtor));
        assertEquals("BROKEN | " + TODAY.plusDays(6), status(promise));
        assertEquals(1, desk.single("SELECT count(*) FROM reminder WHERE status = 'PLANNED' AND debtor_id = " + debtor));
        assertEquals(List.of("1"), desk.rows("SELECT score_broken_promises FROM debtor WHERE id = ?", debtor));
    }

    @Test
    void aPromisedAmountPaidInTimeKeepsThePromise() throws SQLException {
        int division = desk.division("NL");
        long debtor = desk.debtor(division, "kept");
        long invoice = desk.invoice(debtor, TODAY.minusDays(10), "900.00");
        long promise = promise(division, debtor, TODAY.plusDays(5), Money.of(new BigDecimal("400.00"), "EUR"));
        desk.execute("INSERT INTO payment (division, exact_id, debtor_id, invoice_id, amount, currency, paid_on) VALUES ("
                + division + ", gen_random_uuid(), " + debtor + ", " + invoice + ", 400.00, 'EUR', DATE '" + TODAY.plusDays(2) + "')");

        desk.plan(division, TODAY.plusDays(1));
        assertEquals("OPEN | null", status(promise), "paid the day after this run");
        desk.plan(division, TODAY.plusDays(3));

        assertEquals("KEPT | " + TODAY.plusDays(3), status(promise));
    }

    @Test
    void aPromiseWithoutAmountIsKeptWhenWhatWasOverdueIsClosedInTime() throws SQLException {
        int division = desk.division("NL");
        long debtor = desk.debtor(division, "closed");
        long invoice = desk.invoice(debtor, TODAY.minusDays(10), "250.00");
        long promise = promise(division, debtor, TODAY.plusDays(5), null);
        desk.execute("UPDATE invoice SET open_amount = 0, closed_at = TIMESTAMPTZ '" + TODAY.plusDays(7) + " 12:00:00Z' WHERE id = " + invoice);

        desk.plan(division, TODAY.plusDays(8));

        assertEquals("KEPT | " + TODAY.plusDays(8), status(promise), "closed on the last day of grace");
    }

    @Test
    void aPromiseInThePastInAnotherCurrencyOrBesideAnOpenOneIsRefusedAndACancelledOneLetsRemindersResume()
            throws SQLException {
        int division = desk.division("NL");
        long debtor = desk.debtor(division, "refused");
        desk.invoice(debtor, TODAY.minusDays(10), "400.00");

        ActionRefused past = assertThrows(ActionRefused.class, () -> promise(division, debtor, TODAY.minusDays(1), null));
        ActionRefused zero = assertThrows(ActionRefused.class,
                () -> promise(division, debtor, TODAY, Money.of(BigDecimal.ZERO, "EUR")));
        ActionRefused pounds = assertThrows(ActionRefused.class,
                () -> promise(division, debtor, TODAY, Money.of(BigDecimal.TEN, "GBP")));
        assertEquals(List.of(Refusal.DATE_IN_PAST, Refusal.AMOUNT_NOT_POSITIVE, Refusal.CURRENCY_NOT_OF_DIVISION),
                List.of(past.refusal(), zero.refusal(), pounds.refusal()));
        assertEquals(0, desk.single("SELECT count(*) FROM promise_to_pay WHERE debtor_id = " + debtor));
        assertEquals(List.of(), notes(debtor));

        long promise = promise(division, debtor, TODAY.plusDays(10), null);
        ActionRefused second = assertThrows(ActionRefused.class, () -> promise(division, debtor, TODAY.plusDays(3), null));
        assertEquals(Refusal.PROMISE_ALREADY_OPEN, second.refusal());
        desk.act(s -> {
            s.promises().cancel(division, promise, COLIN);
            return null;
        });
        ActionRefused again = assertThrows(ActionRefused.class, () -> desk.act(s -> {
            s.promises().cancel(division, promise, COLIN);
            return null;
        }));
        desk.plan(division, TODAY);

        assertEquals(Refusal.PROMISE_NOT_OPEN, again.refusal());
        assertEquals(List.of("CANCELLED | " + TODAY + " | colin"),
                desk.rows("SELECT status, settled_on, settled_by FROM promise_to_pay WHERE id = ?", promise));
        assertEquals(2, notes(debtor).size(), "the promise and its cancellation");
        assertEquals(1, desk.single("SELECT count(*) FROM reminder WHERE status = 'PLANNED' AND debtor_id = " + debtor));
    }
}

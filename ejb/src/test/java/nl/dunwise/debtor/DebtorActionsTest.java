package nl.dunwise.debtor;

import static nl.dunwise.testing.CollectorDesk.COLIN;
import static nl.dunwise.testing.CollectorDesk.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import nl.dunwise.money.Money;
import nl.dunwise.receivable.ActionRefused;
import nl.dunwise.receivable.ActionRefused.Refusal;
import nl.dunwise.testing.CollectorDesk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The switches a collector sets on a debtor's file, on PostgreSQL through EclipseLink: each is stored, audited
 * and noted in Exact exactly once in its transaction; bad input is refused with nothing stored; and the planning
 * run then holds the debtor back with the right reason, or, for a credit hold, does not.
 */
class DebtorActionsTest {

    private static CollectorDesk desk;

    @BeforeAll
    static void openDesk() throws SQLException {
        desk = new CollectorDesk(DebtorActionsTest.class);
    }

    @AfterAll
    static void closeDesk() throws SQLException {
        desk.close();
    }

    /** A debtor whose invoice is 10 days overdue: its first reminder (+7) is due. */
    private static long overdue(int division, String code) throws SQLException {
        long debtor = desk.debtor(division, code);
        desk.invoice(debtor, TODAY.minusDays(10), "400.00");
        return debtor;
    }

    /** The write-backs queued for the debtor's Exact account: "kind | source | payload", oldest first. */
    private static List<String> writeBacks(long debtor) throws SQLException {
        return desk.rows("SELECT w.kind, w.source, w.payload FROM exact_writeback w JOIN debtor d ON d.exact_id = w.account_id "
                + "WHERE d.id = ? ORDER BY w.id", debtor);
    }

    /** The audit events about the debtor: "actor | action | source the write-backs name". */
    private static List<String> audited(long debtor) throws SQLException {
        return desk.rows("SELECT actor, action, 'audit:' || id FROM audit_event WHERE subject_type = 'Debtor' "
                + "AND subject_id = CAST(? AS text) ORDER BY id", String.valueOf(debtor));
    }

    private static List<String> skips(long debtor) throws SQLException {
        return desk.rows("SELECT run_date, reason FROM dunning_skip WHERE debtor_id = ? ORDER BY run_date", debtor);
    }

    private static long planned(long debtor) throws SQLException {
        return desk.single("SELECT count(*) FROM reminder WHERE status = 'PLANNED' AND debtor_id = " + debtor);
    }

    @Test
    void aPostponementIsNotedInExactOnceAndHoldsRemindersBackUntilItsDate() throws SQLException {
        int division = desk.division("NL");
        long debtor = overdue(division, "later");

        desk.act(s -> {
            s.debtors().postpone(division, debtor, TODAY.plusDays(5), "Klant op vakantie", COLIN);
            return null;
        });

        assertEquals(List.of(String.valueOf(TODAY.plusDays(5))), desk.rows("SELECT postponed_until FROM debtor WHERE id = ?", debtor));
        List<String> audit = audited(debtor);
        assertEquals(1, audit.size());
        assertEquals("colin | DUNNING_POSTPONED", audit.get(0).substring(0, audit.get(0).lastIndexOf(" | ")));
        String source = audit.get(0).substring(audit.get(0).lastIndexOf(" | ") + 3);
        assertEquals(List.of("NOTE | " + source + " | {\"Subject\":\"Herinneringen uitgesteld tot 30 november 2026\","
                + "\"Notes\":\"Herinneringen uitgesteld tot 30 november 2026 door colin: Klant op vakantie\"}"), writeBacks(debtor),
                "one note, in the Dutch division's language");

        desk.plan(division, TODAY);
        desk.plan(division, TODAY.plusDays(6));

        assertEquals(List.of(TODAY + " | POSTPONED"), skips(debtor));
        assertEquals(1, planned(debtor), "the day after the postponement the first reminder is planned");
    }

    @Test
    void aPostponementToADayThatHasComeIsRefusedAndNothingIsStored() throws SQLException {
        int division = desk.division("NL");
        long debtor = overdue(division, "not-today");

        ActionRefused refused = assertThrows(ActionRefused.class, () -> desk.act(s -> {
            s.debtors().postpone(division, debtor, TODAY, null, COLIN);
            return null;
        }));

        assertEquals(Refusal.DATE_NOT_IN_FUTURE, refused.refusal());
        assertEquals(List.of("null"), desk.rows("SELECT postponed_until FROM debtor WHERE id = ?", debtor));
        assertEquals(List.of(), audited(debtor));
        assertEquals(List.of(), writeBacks(debtor));
    }

    @Test
    void aBlockNeedsAReasonAndHoldsTheDebtorBackUntilItIsLifted() throws SQLException {
        int division = desk.division("DE");
        long debtor = overdue(division, "blocked");

        ActionRefused refused = assertThrows(ActionRefused.class, () -> desk.act(s -> {
            s.debtors().block(division, debtor, "  ", COLIN);
            return null;
        }));
        assertEquals(Refusal.REASON_REQUIRED, refused.refusal());
        assertEquals(List.of("false | null"), desk.rows("SELECT dunning_blocked, dunning_block_reason FROM debtor WHERE id = ?", debtor));
        assertEquals(List.of(), writeBacks(debtor));

        desk.act(s -> {
            s.debtors().block(division, debtor, "Lawyer involved", COLIN);
            return null;
        });
        desk.plan(division, TODAY);
        desk.act(s -> {
            s.debtors().unblock(division, debtor, COLIN);
            return null;
        });
        desk.plan(division, TODAY.plusDays(1));

        assertEquals(List.of(TODAY + " | DUNNING_BLOCKED"), skips(debtor));
        assertEquals(1, planned(debtor));
        assertEquals(List.of("NOTE", "NOTE"), writeBacks(debtor).stream().map(w -> w.substring(0, w.indexOf(" |"))).toList());
        assertEquals("{\"Subject\":\"Reminders blocked\",\"Notes\":\"Reminders to this debtor blocked by colin: Lawyer involved\"}",
                writeBacks(debtor).get(0).substring(writeBacks(debtor).get(0).lastIndexOf(" | ") + 3),
                "a German division's notes are in English, like its reminder notes");
        assertEquals(2, audited(debtor).size());
    }

    @Test
    void aCreditHoldBlocksTheAccountInExactWithANoteButDunningGoesOn() throws SQLException {
        int division = desk.division("NL");
        long debtor = overdue(division, "on-hold");

        desk.act(s -> {
            s.debtors().hold(division, debtor, "Over the credit limit", COLIN);
            return null;
        });
        ActionRefused twice = assertThrows(ActionRefused.class, () -> desk.act(s -> {
            s.debtors().hold(division, debtor, "again", COLIN);
            return null;
        }));
        desk.plan(division, TODAY);

        assertEquals(Refusal.ALREADY_ON_HOLD, twice.refusal());
        assertEquals(List.of("true | Over the credit limit"), desk.rows("SELECT on_hold, hold_reason FROM debtor WHERE id = ?", debtor));
        String source = audited(debtor).get(0).substring(audited(debtor).get(0).lastIndexOf(" | ") + 3);
        List<String> queued = writeBacks(debtor);
        assertEquals(2, queued.size(), "the hold and its note, nothing for the refused second hold: " + queued);
        assertEquals("NOTE | " + source + " | {\"Subject\":\"Kredietstop\",", queued.get(0).substring(0, queued.get(0).indexOf("\"Notes\"")));
        assertEquals("HOLD | " + source + " | {\"Blocked\":true}", queued.get(1));
        assertEquals(1, planned(debtor), "a credit hold stops sales, not the reminders");

        desk.act(s -> {
            s.debtors().releaseHold(division, debtor, COLIN);
            return null;
        });
        assertEquals("{\"Blocked\":false}", writeBacks(debtor).get(3).substring(writeBacks(debtor).get(3).lastIndexOf(" | ") + 3));
        assertEquals(List.of("colin | CREDIT_HOLD_ON", "colin | CREDIT_HOLD_OFF"),
                audited(debtor).stream().map(a -> a.substring(0, a.lastIndexOf(" | "))).toList());
    }

    @Test
    void theCreditLimitIsWrittenBackInTheDivisionsCurrencyAndNeverBelowZero() throws SQLException {
        int division = desk.division("NL");
        long debtor = desk.debtor(division, "limit");

        ActionRefused negative = assertThrows(ActionRefused.class, () -> desk.act(s -> {
            s.debtors().changeCreditLine(division, debtor, Money.of(new BigDecimal("-1"), "EUR"), COLIN);
            return null;
        }));
        ActionRefused dollars = assertThrows(ActionRefused.class, () -> desk.act(s -> {
            s.debtors().changeCreditLine(division, debtor, Money.of(new BigDecimal("1000"), "USD"), COLIN);
            return null;
        }));
        assertEquals(Refusal.CREDIT_LINE_NEGATIVE, negative.refusal());
        assertEquals(Refusal.CURRENCY_NOT_OF_DIVISION, dollars.refusal());
        assertEquals(List.of(), writeBacks(debtor));

        desk.act(s -> {
            s.debtors().changeCreditLine(division, debtor, Money.of(new BigDecimal("2500"), "EUR"), COLIN);
            return null;
        });

        assertEquals(List.of("2500.00"), desk.rows("SELECT credit_line FROM debtor WHERE id = ?", debtor));
        List<String> queued = writeBacks(debtor);
        assertEquals(2, queued.size(), queued.toString());
        assertEquals("{\"Subject\":\"Kredietlimiet € 2.500,00\",\"Notes\":\"Kredietlimiet gewijzigd van geen naar € 2.500,00 door colin.\"}",
                queued.get(0).substring(queued.get(0).lastIndexOf(" | ") + 3).replace('\u00a0', ' '));
        assertEquals("{\"CreditLineSales\":2500.00}", queued.get(1).substring(queued.get(1).lastIndexOf(" | ") + 3));
        assertEquals(1, audited(debtor).size());
    }

    @Test
    void anActionOnADebtorOfAnotherDivisionIsRefused() throws SQLException {
        int division = desk.division("NL");
        int other = desk.division("NL");
        long debtor = overdue(other, "elsewhere");

        ActionRefused refused = assertThrows(ActionRefused.class, () -> desk.act(s -> {
            s.debtors().block(division, debtor, "wrong division", COLIN);
            return null;
        }));

        assertEquals(Refusal.NO_SUCH_DEBTOR, refused.refusal());
        assertEquals(List.of("false"), desk.rows("SELECT dunning_blocked FROM debtor WHERE id = ?", debtor));
    }
}

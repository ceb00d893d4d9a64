package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The payment-behaviour score of the planning run on PostgreSQL, the scenario it picks, and its reason. */
class PaymentBehaviourTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static Ledger ledger;
    private static ReminderPlanner planner;

    @BeforeAll
    static void createDatabase() throws SQLException {
        ledger = new Ledger(PaymentBehaviourTest.class);
        planner = new ReminderPlanner(ledger.dataSource());
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        ledger.close();
    }

    /** "score | paid items | avg days late | on-time share | broken promises | disputes | scenario code". */
    private static String scored(long debtor) throws SQLException {
        return ledger.rows("""
                SELECT d.payment_score, d.score_paid_items, d.score_avg_days_late, d.score_on_time_share,
                       d.score_broken_promises, d.score_disputes, s.code
                FROM debtor d LEFT JOIN scenario s ON s.id = d.scenario_id WHERE d.id = ?
                """, debtor).get(0);
    }

    @Test
    void theScorePicksTheScenarioUnlessOneIsPinnedOrTheHistoryIsTooShort() throws SQLException {
        int division = ledger.division();
        long good = ledger.debtor(division, "good");
        for (int month = 1; month <= 4; month++) {
            ledger.paidInvoice(good, TODAY.minusMonths(month), "1000.00", TODAY.minusMonths(month).minusDays(2));
        }
        ledger.paidInvoice(good, TODAY.minusMonths(14), "1000.00", TODAY.minusMonths(12).minusDays(5));
        long late = ledger.debtor(division, "late");
        ledger.paidInvoice(late, TODAY.minusDays(100), "3000.00", TODAY.minusDays(70));
        ledger.paidInvoice(late, TODAY.minusDays(80), "1000.00", TODAY.minusDays(70));
        ledger.paidInvoice(late, TODAY.minusDays(60), "1000.00", TODAY.minusDays(60));
        ledger.execute("INSERT INTO promise_to_pay (division, debtor_id, promised_date, status, made_by, made_at) VALUES ("
                + division + ", " + late + ", DATE '" + TODAY.minusDays(75) + "', 'BROKEN', 'test', now())");
        long pinned = ledger.debtor(division, "pinned");
        for (int i = 0; i < 3; i++) {
            ledger.paidInvoice(pinned, TODAY.minusDays(90 + i), "200.00", TODAY.minusDays(40));
        }
        ledger.execute("UPDATE debtor SET scenario_pinned = true, scenario_id = " + ledger.scenarioId(division, "standard")
                + " WHERE id = " + pinned);
        long newcomer = ledger.debtor(division, "newcomer");
        ledger.paidInvoice(newcomer, TODAY.minusDays(30), "500.00", TODAY.minusDays(31));
        ledger.execute("UPDATE debtor SET scenario_id = " + ledger.scenarioId(division, "strict") + " WHERE id = " + newcomer);

        planner.plan(division, "EUR", TODAY, PlanningRunTest.POLICY, TODAY.atStartOfDay().toInstant(ZoneOffset.UTC));

        assertEquals("100 | 4 | 0.0 | 1.0000 | 0 | 0 | friendly", scored(good),
                "all paid before the due date; the item paid over a year ago does not count");
        // days late 30, 10, 0 weighted 3000, 1000, 1000: 100000 / 5000 = 20.0; 1 of 3 on time;
        // 50 x 0.3333 + 50 x (1 - 20/30) - 10 = 16.67 + 16.67 - 10 = 23
        assertEquals("23 | 3 | 20.0 | 0.3333 | 1 | 0 | strict", scored(late));
        assertEquals("0 | 3 | 51.0 | 0.0000 | 0 | 0 | standard", scored(pinned), "scored, but the pinned scenario stays");
        assertEquals("100 | 1 | 0.0 | 1.0000 | 0 | 0 | standard", scored(newcomer),
                "one paid invoice is too little history: the default scenario");
    }

    @Test
    void aDebtorWithoutHistoryHasNoScoreAndTheDefaultScenario() throws SQLException {
        int division = ledger.division();
        long debtor = ledger.debtor(division, "no-history");
        ledger.invoice(debtor, TODAY.plusDays(20), "100.00");

        planner.plan(division, "EUR", TODAY, PlanningRunTest.POLICY, TODAY.atStartOfDay().toInstant(ZoneOffset.UTC));

        assertEquals("null | 0 | null | null | 0 | 0 | standard", scored(debtor));
    }

    @Test
    void onlyDebtorsWhosePaidHistoryChangedAreScoredAgain() throws SQLException {
        int division = ledger.division();
        long steady = ledger.debtor(division, "steady");
        long paying = ledger.debtor(division, "paying");
        for (long debtor : new long[] {steady, paying}) {
            for (int i = 1; i <= 3; i++) {
                ledger.paidInvoice(debtor, TODAY.minusDays(30 * i), "100.00", TODAY.minusDays(30 * i));
            }
        }
        assertEquals(2, planner.score(division, TODAY, PlanningRunTest.POLICY), "the first pass scores everybody");
        assertEquals(0, planner.score(division, TODAY, PlanningRunTest.POLICY), "nothing changed since");

        ledger.paidInvoice(paying, TODAY.minusDays(20), "300.00", TODAY.minusDays(10));
        ledger.invoice(steady, TODAY.plusDays(10), "50.00");
        ledger.execute("UPDATE invoice SET synced_at = now(), description = 'synced again' WHERE debtor_id = " + steady);
        assertEquals(1, planner.score(division, TODAY, PlanningRunTest.POLICY),
                "a new paid item counts; an open item, or a closed one synced again unchanged, does not");
        assertEquals("79 | 4 | 5.0 | 0.7500 | 0 | 0 | standard", scored(paying));

        ledger.execute("INSERT INTO promise_to_pay (division, debtor_id, promised_date, status, made_by, made_at) VALUES ("
                + division + ", " + steady + ", DATE '" + TODAY.minusDays(5) + "', 'OPEN', 'test', now())");
        assertEquals(0, planner.score(division, TODAY, PlanningRunTest.POLICY), "an open promise is no input");
        ledger.execute("UPDATE promise_to_pay SET status = 'BROKEN' WHERE debtor_id = " + steady);
        assertEquals(1, planner.score(division, TODAY, PlanningRunTest.POLICY), "a broken one is");
        assertEquals("90 | 3 | 0.0 | 1.0000 | 1 | 0 | friendly", scored(steady));
    }

    @Test
    void aDebtorIsScoredAgainWhenTheWindowMovesPastAnItem() throws SQLException {
        int division = ledger.division();
        long debtor = ledger.debtor(division, "ageing");
        ledger.paidInvoice(debtor, TODAY.minusDays(400), "100.00", TODAY.minusDays(300));
        ledger.paidInvoice(debtor, TODAY.minusDays(60), "100.00", TODAY.minusDays(60));
        planner.score(division, TODAY, PlanningRunTest.POLICY);
        LocalDate leaves = TODAY.minusDays(300).plusYears(1);

        assertEquals(0, planner.score(division, leaves.minusDays(1), PlanningRunTest.POLICY), "both items still count");
        assertEquals(1, planner.score(division, leaves, PlanningRunTest.POLICY), "the late one leaves the window");
        assertEquals("100 | 1 | 0.0 | 1.0000 | 0 | 0 | standard", scored(debtor));
        assertEquals(1, planner.score(division, TODAY, PlanningRunTest.POLICY), "an earlier day is scored afresh");
        assertEquals("25 | 2 | 50.0 | 0.5000 | 0 | 0 | standard", scored(debtor));
    }

    @Test
    void theReasonForTheScenarioReadsInTheUsersLanguage() {
        PaymentBehaviour late = new PaymentBehaviour(23, 14, new BigDecimal("23.0"), new BigDecimal("0.4000"), 2, 1);

        assertEquals("avg 23 days late over 14 invoices, 40% on time, 2 broken promises, 1 dispute", late.reason(Locale.ENGLISH));
        assertEquals("gem. 23 dagen te laat over 14 facturen, 40% op tijd, 2 gebroken betaalbeloftes, 1 geschil",
                late.reason(Locale.forLanguageTag("nl")));
        assertEquals("avg 2.5 days late over 1 invoice, 0% on time",
                new PaymentBehaviour(90, 1, new BigDecimal("2.5"), BigDecimal.ZERO, 0, 0).reason(Locale.ENGLISH));
        assertEquals("geen betaalde facturen in de afgelopen 12 maanden",
                new PaymentBehaviour(null, 0, null, null, 0, 0).reason(Locale.forLanguageTag("nl")));
        // Java writes "40 %" with a (narrow) no-break space in German and French.
        assertEquals("durchschn. 23 Tage zu spät bei 14 Rechnungen, 40 % pünktlich, 2 gebrochene Zahlungszusagen, 1 Reklamation",
                late.reason(Locale.GERMAN).replace('\u00a0', ' '));
        assertEquals("en moyenne 23 jours de retard sur 14 factures, 40 % à temps, 2 promesses de paiement non tenues, 1 litige",
                late.reason(Locale.FRENCH).replace('\u00a0', ' ').replace('\u202f', ' '));
        assertEquals("keine bezahlten Rechnungen in den letzten 12 Monaten",
                new PaymentBehaviour(null, 0, null, null, 0, 0).reason(Locale.GERMAN));
    }
}

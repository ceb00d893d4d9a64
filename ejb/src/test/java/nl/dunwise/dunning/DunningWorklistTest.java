package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The read side of the dunning page on PostgreSQL, over books the planning run itself filled: one page at a
 * time, one division at a time, in the reader's language.
 */
class DunningWorklistTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    private static Ledger ledger;
    private static ReminderPlanner planner;
    private static DunningWorklist worklist;

    @BeforeAll
    static void createDatabase() throws SQLException {
        ledger = new Ledger(DunningWorklistTest.class);
        planner = new ReminderPlanner(ledger.dataSource());
        worklist = new DunningWorklist(ledger.dataSource());
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        ledger.close();
    }

    private static void plan(int division, LocalDate day) {
        planner.plan(division, "EUR", day, PlanningRunTest.POLICY, day.atTime(6, 0).toInstant(ZoneOffset.UTC));
    }

    @Test
    void theApprovalQueueShowsOnlyItsDivisionsRemindersAwaitingApprovalPageByPageWithTheDebtorsBehaviour() throws SQLException {
        int division = ledger.division();
        for (String code : List.of("a-agency", "b-agency", "c-agency")) {
            ledger.invoice(ledger.debtor(division, code), TODAY.minusDays(70), "600.00");
        }
        long slow = ledger.debtor(division, "d-slow-payer");
        ledger.invoice(slow, TODAY.minusDays(70), "1200.00");
        // two paid on time, one 15 days late: 5 days late on average, a score of 75 keeps the standard scenario
        ledger.paidInvoice(slow, TODAY.minusDays(100), "100.00", TODAY.minusDays(102));
        ledger.paidInvoice(slow, TODAY.minusDays(101), "100.00", TODAY.minusDays(102));
        ledger.paidInvoice(slow, TODAY.minusDays(100), "100.00", TODAY.minusDays(85));
        ledger.invoice(ledger.debtor(division, "first-reminder"), TODAY.minusDays(8), "100.00");
        int other = ledger.division();
        ledger.invoice(ledger.debtor(other, "elsewhere"), TODAY.minusDays(70), "600.00");
        plan(division, TODAY);
        plan(other, TODAY);

        List<ApprovalItem> firstPage = worklist.awaitingApproval(division, Locale.ENGLISH, 0, 3);
        List<ApprovalItem> secondPage = worklist.awaitingApproval(division, DUTCH, 3, 3);

        assertEquals(4, worklist.countAwaitingApproval(division));
        assertEquals(3, firstPage.size());
        assertTrue(firstPage.stream().allMatch(r -> r.step().equals("agency-handover") && r.channel() == Channel.AGENCY));
        assertEquals("no paid invoices in the last 12 months", firstPage.get(0).behaviourReason());
        assertEquals(1, secondPage.size());
        assertEquals("d-slow-payer | 1200.00 | gem. 5 dagen te laat over 3 facturen, 67% op tijd",
                secondPage.get(0).debtorCode() + " | " + secondPage.get(0).total().amount() + " | " + secondPage.get(0).behaviourReason());

        ledger.execute("UPDATE reminder SET status = 'PLANNED' WHERE id = " + firstPage.get(0).reminderId());
        assertEquals(3, worklist.countAwaitingApproval(division), "a decided reminder leaves the queue");
    }

    @Test
    void theSkipsOfTheLatestRunAreCountedPerReasonFilteredAndDescribedInTheReadersLanguage() throws SQLException {
        int division = ledger.division();
        ledger.dispute(ledger.invoice(ledger.debtor(division, "disputed"), TODAY.minusDays(30), "500.00"));
        long blocked = ledger.debtor(division, "blocked");
        ledger.invoice(blocked, TODAY.minusDays(22), "250.00");
        long blockedLater = ledger.debtor(division, "blocked-first-step");
        ledger.invoice(blockedLater, TODAY.minusDays(7), "250.00");
        ledger.execute("UPDATE debtor SET dunning_blocked = true WHERE id IN (" + blocked + ", " + blockedLater + ")");
        plan(division, TODAY.minusDays(1));
        plan(division, TODAY);
        int quiet = ledger.division();

        LocalDate latest = worklist.latestSkipDate(division).orElseThrow();
        List<SkippedDebtor> blockedOnes = worklist.skips(division, latest, SkipReason.DUNNING_BLOCKED, DUTCH, 0, 10);

        assertEquals(TODAY, latest);
        assertEquals(Optional.empty(), worklist.latestSkipDate(quiet));
        assertEquals(Map.of(SkipReason.ALL_ITEMS_DISPUTED, 1L, SkipReason.DUNNING_BLOCKED, 2L), worklist.skipCounts(division, latest));
        assertEquals(1, worklist.skipCounts(division, TODAY.minusDays(1)).get(SkipReason.DUNNING_BLOCKED),
                "the day before, the debtor at its first step was not due yet");
        assertEquals(3, worklist.countSkips(division, latest, null));
        assertEquals(2, worklist.countSkips(division, latest, SkipReason.DUNNING_BLOCKED));
        assertEquals(List.of("blocked | second-reminder | Een incassomedewerker heeft het aanmanen van deze debiteur geblokkeerd.",
                "blocked-first-step | first-reminder | Een incassomedewerker heeft het aanmanen van deze debiteur geblokkeerd."),
                blockedOnes.stream().map(s -> s.debtorCode() + " | " + s.step() + " | " + s.text()).toList());
        assertEquals(List.of("blocked", "blocked-first-step", "disputed: All overdue items are disputed (1 open dispute(s))."),
                worklist.skips(division, latest, null, Locale.ENGLISH, 0, 10).stream()
                        .map(s -> s.debtorCode() + (s.reason() == SkipReason.ALL_ITEMS_DISPUTED ? ": " + s.text() : "")).toList(),
                "unfiltered, by debtor code");
        assertEquals(List.of(), worklist.skips(division, latest, SkipReason.DUNNING_BLOCKED, DUTCH, 2, 10));
    }

    @Test
    void debtorScoresAreSortedAndPagedWithoutDeletedDebtorsAndShowAPinnedScenarioAsSuch() throws SQLException {
        int division = ledger.division();
        long good = ledger.debtor(division, "good");
        long late = ledger.debtor(division, "late");
        for (int i = 0; i < 3; i++) {
            ledger.paidInvoice(good, TODAY.minusDays(40 + i), "100.00", TODAY.minusDays(45));
            ledger.paidInvoice(late, TODAY.minusDays(90 + i), "100.00", TODAY.minusDays(40));
        }
        long pinned = ledger.debtor(division, "pinned");
        ledger.execute("UPDATE debtor SET scenario_pinned = true, scenario_id = " + ledger.scenarioId(division, "strict")
                + " WHERE id = " + pinned);
        ledger.execute("UPDATE debtor SET deleted_in_exact = true WHERE id = " + ledger.debtor(division, "deleted"));
        ledger.debtor(ledger.division(), "elsewhere");
        plan(division, TODAY);
        long unscored = ledger.debtor(division, "arrived-later");

        List<DebtorScore> byScore = worklist.debtorScores(division, ScoreOrder.SCORE, false, Locale.ENGLISH, 0, 10);

        assertEquals(4, worklist.countDebtors(division));
        assertEquals(List.of("good | 100 | friendly | false | avg 0 days late over 3 invoices, 100% on time",
                "late | 0 | strict | false | avg 51 days late over 3 invoices, 0% on time",
                "arrived-later | null | null | false | not scored yet: the next planning run scores this debtor",
                "pinned | null | strict | true | no paid invoices in the last 12 months"),
                byScore.stream().map(s -> s.code() + " | " + s.score() + " | " + s.scenarioCode() + " | " + s.pinned()
                        + " | " + s.reason()).toList(), "highest score first, debtors without one last by code");
        assertEquals(List.of("late", "pinned"), worklist.debtorScores(division, ScoreOrder.CODE, true, Locale.ENGLISH, 2, 2)
                .stream().map(DebtorScore::code).toList());
        assertEquals(unscored, worklist.debtorScores(division, ScoreOrder.NAME, true, Locale.ENGLISH, 0, 1).get(0).debtorId());
        assertEquals(List.of("friendly", "standard", "strict"), worklist.scenarios(division).stream().map(ScenarioOption::code).toList());
    }
}

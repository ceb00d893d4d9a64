package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planning SQL on real PostgreSQL: which debtor gets which step through which channel, pre-due notices,
 * no step back within a cycle, and every pause rule stored as a skip with its reason. Each test keeps its
 * books in a division of its own.
 */
class PlanningRunTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final PlanningPolicy POLICY = new PlanningPolicy(new BigDecimal("5.00"), 3, 3, 80, 40, "friendly", "strict");

    private static Ledger ledger;
    private static ReminderPlanner planner;

    @BeforeAll
    static void createDatabase() throws SQLException {
        ledger = new Ledger(PlanningRunTest.class);
        planner = new ReminderPlanner(ledger.dataSource());
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        ledger.close();
    }

    private static PlanningResult plan(int division, LocalDate day) {
        return planner.plan(division, "EUR", day, POLICY, day.atTime(6, 0).toInstant(ZoneOffset.UTC));
    }

    private static LocalDate daysAgo(int days) {
        return TODAY.minusDays(days);
    }

    /** debtor code: "template channel status: n invoices, total" of every reminder of the division. */
    private static List<String> reminders(int division) throws SQLException {
        return ledger.rows("""
                SELECT d.code || ': ' || s.template_code || ' ' || r.channel || ' ' || r.status || ', '
                       || cardinality(r.item_invoice_ids) || ' invoice(s), ' || r.total_amount
                FROM reminder r JOIN debtor d ON d.id = r.debtor_id JOIN step s ON s.id = r.step_id
                WHERE r.division = ?
                ORDER BY d.code, r.id
                """, division);
    }

    /** debtor code: "reason [details] at template" of every skip of the division. */
    private static List<String> skips(int division) throws SQLException {
        return ledger.rows("""
                SELECT d.code || ': ' || k.reason || ' ' || array_to_string(k.detail_values, ',') || ' at '
                       || coalesce(s.template_code, '-')
                FROM dunning_skip k JOIN debtor d ON d.id = k.debtor_id LEFT JOIN step s ON s.id = k.step_id
                WHERE k.division = ?
                ORDER BY d.code
                """, division);
    }

    @Test
    void eachDebtorGetsOneReminderAtTheStepOfItsOldestChaseableItemThroughTheChannelOfThatStep() throws SQLException {
        int division = ledger.division();
        long late = ledger.debtor(division, "late-twice");
        ledger.invoice(late, daysAgo(10), "120.00");
        ledger.invoice(late, daysAgo(25), "80.00");
        ledger.invoice(ledger.debtor(division, "before-first-step"), daysAgo(3), "250.00");
        ledger.invoice(ledger.debtor(division, "final-stage"), daysAgo(40), "900.00");
        ledger.invoice(ledger.debtor(division, "call-stage"), daysAgo(49), "700.00");
        ledger.invoice(ledger.debtor(division, "agency-stage"), daysAgo(70), "600.00");
        long partDisputed = ledger.debtor(division, "part-disputed");
        ledger.dispute(ledger.invoice(partDisputed, daysAgo(40), "300.00"));
        ledger.invoice(partDisputed, daysAgo(9), "200.00");

        PlanningResult result = plan(division, TODAY);

        assertEquals(List.of(
                "agency-stage: agency-handover AGENCY AWAITING_APPROVAL, 1 invoice(s), 600.00",
                "call-stage: call-task CALL_TASK PLANNED, 1 invoice(s), 700.00",
                "final-stage: final-notice LETTER PLANNED, 1 invoice(s), 900.00",
                "late-twice: second-reminder EMAIL PLANNED, 2 invoice(s), 200.00",
                "part-disputed: first-reminder EMAIL PLANNED, 1 invoice(s), 200.00"), reminders(division),
                "the oldest item that may be chased sets the step, the step sets the channel, a step that needs "
                        + "approval waits for it, and a debtor before its first step gets nothing");
        assertEquals(new PlanningResult(5, 0), result);
    }

    @Test
    void everyDebtorHeldBackIsStoredWithTheFirstPauseRuleThatApplies() throws SQLException {
        int division = ledger.division();
        ledger.dispute(ledger.invoice(ledger.debtor(division, "disputed"), daysAgo(30), "500.00"));
        long inPlan = ledger.debtor(division, "in-plan");
        long planned = ledger.invoice(inPlan, daysAgo(30), "500.00");
        long plan = ledger.id("INSERT INTO payment_plan (division, debtor_id, status, total_amount, currency, proposed_by, proposed_at) "
                + "VALUES (" + division + ", " + inPlan + ", 'ACTIVE', 500, 'EUR', 'debtor', now()) RETURNING id");
        ledger.execute("INSERT INTO payment_plan_invoice (plan_id, invoice_id) VALUES (" + plan + ", " + planned + ")");
        long promised = ledger.debtor(division, "promised");
        ledger.invoice(promised, daysAgo(10), "400.00");
        ledger.execute("INSERT INTO promise_to_pay (division, debtor_id, promised_date, status, made_by, made_at) VALUES ("
                + division + ", " + promised + ", DATE '" + TODAY.minusDays(2) + "', 'OPEN', 'test', now())");
        long promiseExpired = ledger.debtor(division, "promise-expired");
        ledger.invoice(promiseExpired, daysAgo(10), "400.00");
        ledger.execute("INSERT INTO promise_to_pay (division, debtor_id, promised_date, status, made_by, made_at) VALUES ("
                + division + ", " + promiseExpired + ", DATE '" + TODAY.minusDays(4) + "', 'OPEN', 'test', now())");
        long postponed = ledger.debtor(division, "postponed");
        ledger.invoice(postponed, daysAgo(22), "250.00");
        ledger.execute("UPDATE debtor SET postponed_until = DATE '" + TODAY.plusDays(5) + "' WHERE id = " + postponed);
        long blocked = ledger.debtor(division, "blocked-and-small");
        ledger.invoice(blocked, daysAgo(15), "3.00");
        ledger.execute("UPDATE debtor SET dunning_blocked = true WHERE id = " + blocked);
        long covered = ledger.debtor(division, "credit-covers");
        ledger.invoice(covered, daysAgo(10), "100.00");
        ledger.invoice(covered, daysAgo(5), "-150.00");
        long small = ledger.debtor(division, "below-minimum");
        ledger.invoice(small, daysAgo(10), "10.00");
        ledger.invoice(small, daysAgo(90), "-7.00");
        long deleted = ledger.debtor(division, "deleted");
        ledger.invoice(deleted, daysAgo(10), "100.00");
        ledger.execute("UPDATE debtor SET deleted_in_exact = true WHERE id = " + deleted);
        long preDueBlocked = ledger.debtor(division, "pre-due-blocked");
        ledger.invoice(preDueBlocked, TODAY.plusDays(2), "100.00");
        ledger.execute("UPDATE debtor SET dunning_blocked = true WHERE id = " + preDueBlocked);
        long handedOver = ledger.debtor(division, "handed-and-blocked");
        ledger.invoice(handedOver, daysAgo(10), "100.00");
        ledger.execute("UPDATE debtor SET handed_over_on = DATE '" + TODAY.minusDays(3) + "', dunning_blocked = true WHERE id = " + handedOver);
        long bounced = ledger.debtor(division, "email-bounced");
        ledger.invoice(bounced, daysAgo(10), "100.00");
        ledger.execute("UPDATE debtor SET bouncing_email = 'EMAIL-BOUNCED@example.com' WHERE id = " + bounced);
        int withoutScenario = ledger.division(false);
        ledger.invoice(ledger.debtor(withoutScenario, "no-scenario"), daysAgo(10), "100.00");

        PlanningResult result = plan(division, TODAY);
        PlanningResult resultWithoutScenario = plan(withoutScenario, TODAY);

        assertEquals(List.of(
                "below-minimum: BELOW_MINIMUM 3.00,5.00 at first-reminder",
                "blocked-and-small: DUNNING_BLOCKED  at first-reminder",
                "credit-covers: CREDIT_COVERS 100.00,150.00 at first-reminder",
                "deleted: DELETED_IN_EXACT  at first-reminder",
                "disputed: ALL_ITEMS_DISPUTED 1 at second-reminder",
                "email-bounced: EMAIL_BOUNCED EMAIL-BOUNCED@example.com at first-reminder",
                "handed-and-blocked: HANDED_OVER " + TODAY.minusDays(3) + " at first-reminder",
                "in-plan: IN_PAYMENT_PLAN 1 at second-reminder",
                "postponed: POSTPONED " + TODAY.plusDays(5) + " at second-reminder",
                "pre-due-blocked: DUNNING_BLOCKED  at pre-due-notice",
                "promised: PROMISE_TO_PAY " + TODAY.minusDays(2) + ",3 at first-reminder"), skips(division));
        assertEquals(List.of("no-scenario: NO_SCENARIO  at -"), skips(withoutScenario));
        assertEquals(List.of("promise-expired: first-reminder EMAIL PLANNED, 1 invoice(s), 400.00"), reminders(division),
                "a promise is waited for until its date plus the grace days");
        assertEquals(new PlanningResult(1, 11), result);
        assertEquals(new PlanningResult(0, 1), resultWithoutScenario);
        Set<String> named = new TreeSet<>();
        for (String skip : skips(division)) {
            named.add(skip.split(" ")[1]);
        }
        named.add("NO_SCENARIO");
        assertEquals(Arrays.stream(SkipReason.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)), named,
                "every pause rule of SkipReason is exercised");
    }

    @Test
    void aSecondRunOnTheSameDayAddsNoRemindersAndNoSkips() throws SQLException {
        int division = ledger.division();
        ledger.invoice(ledger.debtor(division, "chased"), daysAgo(8), "100.00");
        ledger.invoice(ledger.debtor(division, "due-soon"), TODAY.plusDays(1), "100.00");
        long blocked = ledger.debtor(division, "blocked");
        ledger.invoice(blocked, daysAgo(8), "100.00");
        ledger.execute("UPDATE debtor SET dunning_blocked = true WHERE id = " + blocked);
        assertEquals(new PlanningResult(2, 1), plan(division, TODAY));
        List<String> reminders = reminders(division);
        List<String> skips = skips(division);

        assertEquals(new PlanningResult(0, 0), plan(division, TODAY));
        assertEquals(reminders, reminders(division));
        assertEquals(skips, skips(division));
    }

    @Test
    void aPreDueNoticeGoesOutOncePerCycleForItemsDueWithinItsWindow() throws SQLException {
        int division = ledger.division();
        long soon = ledger.debtor(division, "due-in-2");
        ledger.invoice(soon, TODAY.plusDays(2), "100.00");
        ledger.invoice(soon, TODAY.plusDays(20), "40.00");
        ledger.invoice(ledger.debtor(division, "due-in-10"), TODAY.plusDays(10), "100.00");

        plan(division, TODAY);
        ledger.invoice(soon, TODAY.plusDays(3), "60.00");
        PlanningResult nextDay = plan(division, TODAY.plusDays(1));

        assertEquals(List.of("due-in-2: pre-due-notice EMAIL PLANNED, 1 invoice(s), 100.00"), reminders(division),
                "only the item within 3 days of its due date, and no second notice in the same cycle");
        assertEquals(0, nextDay.planned());
        assertEquals(List.of("0"), ledger.rows("SELECT unnest(item_days_overdue) FROM reminder WHERE division = ?", division));
    }

    @Test
    void aDebtorNeverGoesBackToAnEarlierStepOfItsCycle() throws SQLException {
        int division = ledger.division();
        long debtor = ledger.debtor(division, "paid-the-oldest");
        long oldest = ledger.invoice(debtor, daysAgo(40), "500.00");
        ledger.invoice(debtor, daysAgo(10), "100.00");
        plan(division, TODAY);
        ledger.execute("UPDATE invoice SET open_amount = 0, closed_at = now() WHERE id = " + oldest);

        PlanningResult dayAfter = plan(division, TODAY.plusDays(1));
        PlanningResult atCallTask = plan(division, TODAY.plusDays(39));

        assertEquals(0, dayAfter.planned(), "the younger item is past the first reminder's day, but the final notice was sent");
        assertEquals(1, atCallTask.planned(), "it moves on to a later step when the younger item reaches one");
        assertEquals(List.of(
                "paid-the-oldest: final-notice LETTER PLANNED, 2 invoice(s), 600.00",
                "paid-the-oldest: call-task CALL_TASK PLANNED, 1 invoice(s), 100.00"), reminders(division));
    }

    @Test
    void aSkipIsDescribedInTheReadersLanguage() {
        assertEquals("The debtor promised to pay on 2026-11-23; we wait 3 more day(s) after that.",
                SkipReason.PROMISE_TO_PAY.describe(Locale.ENGLISH, List.of("2026-11-23", "3")));
        assertEquals("Creditnota's van 150.00 dekken de vervallen 100.00.",
                SkipReason.CREDIT_COVERS.describe(Locale.forLanguageTag("nl"), List.of("100.00", "150.00")));
        for (SkipReason reason : SkipReason.values()) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"))) {
                assertTrue(!reason.describe(locale, List.of("1", "2", "3")).contains("{"), reason + " in " + locale);
            }
        }
    }

    @Test
    void aDebtorNeverRemindedGetsThe14DayLetterFirstAndLaterStepsKeepTheirSpacing() throws SQLException {
        int division = ledger.division();
        ledger.execute("UPDATE step SET fourteen_day_letter = true WHERE template_code = 'final-notice' AND scenario_id IN "
                + "(SELECT id FROM scenario WHERE division = " + division + ")");
        ledger.invoice(ledger.debtor(division, "first-seen-late"), daysAgo(80), "600.00");

        assertEquals(1, plan(division, TODAY).planned());
        assertEquals(0, plan(division, TODAY.plusDays(13)).planned(), "the letter's 14 days are not over yet");
        assertEquals(1, plan(division, TODAY.plusDays(14)).planned(), "then the call, 49 - 35 days after the letter");
        assertEquals(0, plan(division, TODAY.plusDays(27)).planned());
        assertEquals(1, plan(division, TODAY.plusDays(28)).planned(), "and the agency hand-over 63 - 49 days after the call");
        assertEquals(List.of(
                "first-seen-late: final-notice LETTER PLANNED, 1 invoice(s), 600.00",
                "first-seen-late: call-task CALL_TASK PLANNED, 1 invoice(s), 600.00",
                "first-seen-late: agency-handover AGENCY AWAITING_APPROVAL, 1 invoice(s), 600.00"), reminders(division),
                "80 days overdue and never reminded: no call or agency before the 14-day letter (no costs without it)");
    }

    @Test
    void slicesSideBySidePlanExactlyWhatOneStatementPlans() throws SQLException {
        List<List<String>> planned = new java.util.ArrayList<>();
        for (int slices = 1; slices <= 3; slices++) {
            int division = ledger.division();
            booksWithEveryKindOfDebtor(division);
            ReminderPlanner sliced = new ReminderPlanner(ledger.dataSource(), slices);
            List<PlanningResult> results = new java.util.ArrayList<>();
            for (LocalDate day : List.of(daysAgo(20), TODAY, TODAY.plusDays(10))) {
                results.add(sliced.plan(division, "EUR", day, POLICY, day.atTime(6, 0).toInstant(ZoneOffset.UTC)));
            }
            List<DebtorRange> ranges = sliced.slicesOf(division);
            assertEquals(slices, ranges.size(), "the run is planned in " + slices + " slice(s): " + ranges);
            for (int k = 1; k < ranges.size(); k++) {
                assertEquals(ranges.get(k - 1).last() + 1, ranges.get(k).first(), "the slices follow each other: " + ranges);
                assertEquals(List.of("true"), ledger.rows("SELECT CAST(count(*) > 0 AS text) FROM debtor WHERE division = ? AND id BETWEEN "
                        + ranges.get(k).first() + " AND " + ranges.get(k).last(), division), "every slice has debtors: " + ranges);
            }
            List<String> outcome = new java.util.ArrayList<>(reminders(division));
            outcome.addAll(skips(division).stream().sorted().toList());
            outcome.add(results.toString());
            planned.add(outcome);
        }
        assertEquals(planned.get(0), planned.get(1), "two slices plan and skip what one statement does, day after day");
        assertEquals(planned.get(0), planned.get(2), "and so do three");
    }

    @Test
    void aSliceThatFailsLeavesTheOthersStoredAndTheNextRunPlansTheRest() throws SQLException {
        int whole = ledger.division();
        booksWithEveryKindOfDebtor(whole);
        new ReminderPlanner(ledger.dataSource(), 1).plan(whole, "EUR", TODAY, POLICY, TODAY.atTime(6, 0).toInstant(ZoneOffset.UTC));
        int division = ledger.division();
        booksWithEveryKindOfDebtor(division);
        // reading the slices takes the first connection, the two slices the next two: the second of those is lost
        AtomicInteger connections = new AtomicInteger();
        DataSource losingOne = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && connections.incrementAndGet() == 3) {
                        throw new SQLException("connection refused");
                    }
                    try {
                        return method.invoke(ledger.dataSource(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        PlanningRunIncomplete failed = assertThrows(PlanningRunIncomplete.class, () -> new ReminderPlanner(losingOne, 2)
                .plan(division, "EUR", TODAY, POLICY, TODAY.atTime(6, 0).toInstant(ZoneOffset.UTC)));

        assertTrue(failed.getMessage().contains("connection refused"), failed.getMessage());
        assertEquals(List.of(failed.stored().planned() + " " + failed.stored().skipped()), ledger.rows(
                "SELECT (SELECT count(*) FROM reminder WHERE division = ?) || ' ' || (SELECT count(*) FROM dunning_skip WHERE division = "
                        + division + ")", division), "the other slice's reminders and skips are stored, as the failure says");
        assertTrue(failed.stored().planned() > 0 && failed.stored().planned() < reminders(whole).size(), failed.stored().toString());
        plan(division, TODAY);
        assertEquals(reminders(whole), reminders(division), "the next run plans the failed slice's debtors");
        assertEquals(skips(whole).stream().sorted().toList(), skips(division).stream().sorted().toList());
    }

    /** Debtors at every step, with cycles under way, pre-due items, credit notes and pause rules. */
    private static void booksWithEveryKindOfDebtor(int division) throws SQLException {
        for (int i = 0; i < 6; i++) {
            long debtor = ledger.debtor(division, "late-" + i);
            ledger.invoice(debtor, daysAgo(5 + 12 * i), "1" + i + "0.00");
            ledger.invoice(debtor, TODAY.plusDays(i), "20.00");
        }
        ledger.invoice(ledger.debtor(division, "due-soon"), TODAY.plusDays(2), "100.00");
        ledger.dispute(ledger.invoice(ledger.debtor(division, "disputed"), daysAgo(30), "500.00"));
        long covered = ledger.debtor(division, "credit-covers");
        ledger.invoice(covered, daysAgo(10), "100.00");
        ledger.invoice(covered, daysAgo(5), "-150.00");
        long small = ledger.debtor(division, "below-minimum");
        ledger.invoice(small, daysAgo(10), "10.00");
        ledger.invoice(small, daysAgo(90), "-7.00");
        long promised = ledger.debtor(division, "promised");
        ledger.invoice(promised, daysAgo(10), "400.00");
        ledger.execute("INSERT INTO promise_to_pay (division, debtor_id, promised_date, status, made_by, made_at) VALUES ("
                + division + ", " + promised + ", DATE '" + TODAY.minusDays(2) + "', 'OPEN', 'test', now())");
        long blocked = ledger.debtor(division, "blocked");
        ledger.invoice(blocked, daysAgo(25), "300.00");
        ledger.execute("UPDATE debtor SET dunning_blocked = true WHERE id = " + blocked);
    }
}

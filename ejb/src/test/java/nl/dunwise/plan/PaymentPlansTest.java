package nl.dunwise.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.dunning.Ledger;
import nl.dunwise.dunning.PlanningPolicy;
import nl.dunwise.dunning.PlanningResult;
import nl.dunwise.dunning.ReminderPlanner;
import nl.dunwise.dunning.StandaloneDispatch;
import nl.dunwise.exact.writeback.ExactWriteBacks;
import nl.dunwise.exact.writeback.WriteBackQueue;
import nl.dunwise.testing.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payment plans on real PostgreSQL, through EclipseLink as the container maps them: proposal within and outside
 * the policy, a collector's decision, payments paying the instalments oldest first, one reminder per late
 * instalment, completion, default after the grace days with dunning resuming, one Exact note per event, and
 * refused input leaving nothing behind. Each test keeps its books in a division of its own.
 */
class PaymentPlansTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final PlanningPolicy DUNNING = new PlanningPolicy(new BigDecimal("5.00"), 3, 3, 80, 40, "friendly", "strict");
    private static final Actor COLLECTOR = Actor.staff("collector");

    private static Ledger ledger;
    private static EntityManagerFactory jpa;
    private static final MovableClock CLOCK = new MovableClock(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC));

    @BeforeAll
    static void createDatabase() throws SQLException {
        ledger = new Ledger(PaymentPlansTest.class);
        jpa = ledger.entityManagerFactory();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        jpa.close();
        ledger.close();
    }

    /** The service on one resource-local transaction, committed when {@code work} returns, else rolled back. */
    private static <T> T plans(Function<PaymentPlans, T> work) {
        return StandaloneDispatch.inTransaction(jpa, em -> work.apply(service(em)));
    }

    private static PaymentPlans service(EntityManager em) {
        AuditLog audit = new AuditLog(em, CLOCK);
        ExactWriteBacks writeBacks = new ExactWriteBacks(new WriteBackQueue(StandaloneDispatch.transactionConnection(em)),
                audit, CLOCK);
        return new PaymentPlans(em, audit, writeBacks, CLOCK, PaymentPlanPolicyTest.POLICY);
    }

    private static PlanReview review(int division, LocalDate day) {
        CLOCK.set(day.atTime(5, 45).toInstant(ZoneOffset.UTC));
        try {
            return plans(p -> p.review(division, day));
        } finally {
            CLOCK.set(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC));
        }
    }

    /** A debtor of a fresh division whose payment behaviour scored {@code score} (null: not scored). */
    private static long debtor(int division, String code, Integer score) throws SQLException {
        long debtor = ledger.debtor(division, code);
        ledger.execute("UPDATE debtor SET payment_score = " + score + " WHERE id = " + debtor);
        return debtor;
    }

    private static void payment(long invoice, String amount, LocalDate paidOn) throws SQLException {
        ledger.execute("INSERT INTO payment (division, exact_id, debtor_id, invoice_id, amount, currency, paid_on) SELECT division, "
                + "gen_random_uuid(), debtor_id, id, " + amount + ", 'EUR', DATE '" + paidOn + "' FROM invoice WHERE id = " + invoice);
        ledger.execute("UPDATE invoice SET open_amount = open_amount - " + amount + " WHERE id = " + invoice);
    }

    /** "status | review reasons | decided by | rejection reason" of the plan. */
    private static String plan(long id) throws SQLException {
        return ledger.rows("SELECT status, review_reasons, decided_by, rejection_reason FROM payment_plan WHERE id = ?", id).get(0);
    }

    /** "number due amount paid status" of each instalment of the plan. */
    private static List<String> instalments(long plan) throws SQLException {
        return ledger.rows("SELECT sequence_number || ' ' || due_date || ' ' || amount || ' ' || paid_amount || ' ' || status "
                + "FROM instalment WHERE plan_id = ? ORDER BY sequence_number", plan);
    }

    /** The sources of the Exact notes queued for the division, in order. */
    private static List<String> notes(int division) throws SQLException {
        return ledger.rows("SELECT source FROM exact_writeback WHERE division = ? AND kind = 'NOTE' ORDER BY id", division);
    }

    private static List<String> audit(int division) throws SQLException {
        return ledger.rows("SELECT action || ' ' || subject_id FROM audit_event WHERE division = ? AND action LIKE 'PLAN%' "
                + "ORDER BY occurred_at, action", division);
    }

    private static long propose(int division, PlanRequest request) {
        return plans(p -> p.propose(division, request, COLLECTOR));
    }

    @Test
    void aPlanWithinThePolicyIsActiveAtOnceAndThePlannerLeavesItsInvoicesAlone() throws SQLException {
        int division = ledger.division();
        long debtor = debtor(division, "good", 90);
        ledger.invoice(debtor, TODAY.minusDays(30), "200.00");
        ledger.invoice(debtor, TODAY.minusDays(10), "100.00");

        long plan = propose(division, PlanRequest.equalInstalments("good", List.of(), 3, TODAY.plusDays(5)));
        PlanningResult planned = new ReminderPlanner(ledger.dataSource()).plan(division, "EUR", TODAY, DUNNING, CLOCK.instant());

        assertEquals("ACTIVE |  | collector | null", plan(plan));
        assertEquals(List.of("1 2026-11-30 100.00 0.00 OPEN", "2 2026-12-30 100.00 0.00 OPEN", "3 2027-01-30 100.00 0.00 OPEN"),
                instalments(plan));
        assertEquals(List.of("plan:" + plan + ":approved"), notes(division), "one note for the plan approved at once");
        assertEquals(List.of("PLAN_APPROVED " + plan, "PLAN_PROPOSED " + plan), audit(division));
        assertEquals(new PlanningResult(0, 1), planned, "held back as IN_PAYMENT_PLAN");
        assertEquals(List.of("IN_PAYMENT_PLAN"), ledger.rows("SELECT reason FROM dunning_skip WHERE debtor_id = ?", debtor));
    }

    @Test
    void aPlanOutsideThePolicyWaitsForACollectorWhoApprovesOrRejectsItWithAReason() throws SQLException {
        int division = ledger.division();
        long debtor = debtor(division, "unscored", null);
        long invoice = ledger.invoice(debtor, TODAY.minusDays(30), "800.00");
        long other = ledger.invoice(debtor, TODAY.minusDays(20), "90.00");
        String number = ledger.rows("SELECT invoice_number FROM invoice WHERE id = ?", invoice).get(0);
        String otherNumber = ledger.rows("SELECT invoice_number FROM invoice WHERE id = ?", other).get(0);

        PlanPreview preview = plans(p -> p.preview(division, PlanRequest.equalInstalments("unscored", List.of(number), 7, TODAY)));
        long waiting = propose(division, PlanRequest.equalInstalments("unscored", List.of(number), 7, TODAY));
        long rejected = propose(division, PlanRequest.agreed("unscored", List.of(otherNumber), List.of(
                new InstalmentSchedule.Part(TODAY.plusDays(7), new BigDecimal("45.00")),
                new InstalmentSchedule.Part(TODAY.plusDays(37), new BigDecimal("45.00")))));
        assertEquals(List.of(PolicyBreach.TOO_MANY_INSTALMENTS, PolicyBreach.NOT_SCORED), preview.breaches());
        assertEquals("PROPOSED | TOO_MANY_INSTALMENTS,NOT_SCORED | null | null", plan(waiting));
        assertEquals("PROPOSED | INSTALMENT_TOO_SMALL,NOT_SCORED | null | null", plan(rejected));

        plans(p -> {
            p.approve(division, waiting, Actor.staff("manager"));
            p.reject(division, rejected, "  Asked for a deposit first ", COLLECTOR);
            return null;
        });

        assertEquals("ACTIVE | TOO_MANY_INSTALMENTS,NOT_SCORED | manager | null", plan(waiting));
        assertEquals("REJECTED | INSTALMENT_TOO_SMALL,NOT_SCORED | collector | Asked for a deposit first", plan(rejected));
        assertEquals(List.of("plan:" + waiting + ":proposed", "plan:" + rejected + ":proposed", "plan:" + waiting + ":approved",
                "plan:" + rejected + ":rejected"), notes(division));
        assertTrue(ledger.rows("SELECT payload FROM exact_writeback WHERE source = ?", "plan:" + rejected + ":rejected").get(0)
                .contains("Rejected by collector: Asked for a deposit first"));
        assertEquals("notProposed", assertThrows(PlanRefused.class,
                () -> plans(p -> { p.reject(division, waiting, "changed my mind", COLLECTOR); return null; })).key());
        assertEquals("ACTIVE | TOO_MANY_INSTALMENTS,NOT_SCORED | manager | null", plan(waiting));
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedAndTheProposalStillWaits() throws SQLException {
        int division = ledger.division();
        ledger.invoice(debtor(division, "late-payer", 20), TODAY.minusDays(30), "300.00");
        long waiting = propose(division, PlanRequest.equalInstalments("late-payer", List.of(), 3, TODAY));

        assertEquals("reasonRequired", assertThrows(PlanRefused.class,
                () -> plans(p -> { p.reject(division, waiting, "  ", COLLECTOR); return null; })).key());

        assertEquals("PROPOSED | SCORE_TOO_LOW | null | null", plan(waiting));
        assertEquals(List.of("plan:" + waiting + ":proposed"), notes(division));
    }

    @Test
    void refusedInputStoresNothing() throws SQLException {
        int division = ledger.division();
        long debtor = debtor(division, "refusals", 90);
        long disputed = ledger.invoice(debtor, TODAY.minusDays(30), "300.00");
        ledger.dispute(disputed);
        long planned = ledger.invoice(debtor, TODAY.minusDays(20), "150.00");
        long open = ledger.invoice(debtor, TODAY.minusDays(10), "120.00");
        String disputedNumber = ledger.rows("SELECT invoice_number FROM invoice WHERE id = ?", disputed).get(0);
        String plannedNumber = ledger.rows("SELECT invoice_number FROM invoice WHERE id = ?", planned).get(0);
        String openNumber = ledger.rows("SELECT invoice_number FROM invoice WHERE id = ?", open).get(0);
        long first = propose(division, PlanRequest.equalInstalments("refusals", List.of(plannedNumber), 2, TODAY));
        long plansBefore = ledger.id("SELECT count(*) FROM payment_plan");
        long instalmentsBefore = ledger.id("SELECT count(*) FROM instalment");

        List<PlanRequest> bad = List.of(
                PlanRequest.equalInstalments("nobody", List.of(), 2, TODAY),
                PlanRequest.equalInstalments("refusals", List.of(disputedNumber), 2, TODAY),
                PlanRequest.equalInstalments("refusals", List.of(plannedNumber, openNumber), 2, TODAY),
                PlanRequest.equalInstalments("refusals", List.of("no-such-invoice"), 2, TODAY),
                PlanRequest.equalInstalments("refusals", List.of(openNumber), 2, TODAY.minusDays(1)),
                PlanRequest.agreed("refusals", List.of(openNumber), List.of(
                        new InstalmentSchedule.Part(TODAY.plusDays(1), new BigDecimal("60.00")),
                        new InstalmentSchedule.Part(TODAY.plusDays(31), new BigDecimal("50.00")))));
        List<String> refusals = bad.stream().map(request -> assertThrows(PlanRefused.class, () -> propose(division, request)))
                .map(PlanRefused::getMessage).toList();

        assertEquals(List.of(
                "There is no debtor nobody in this division.",
                "Invoice " + disputedNumber + " is disputed: resolve the dispute before it goes into a payment plan.",
                "Invoice " + plannedNumber + " is already in payment plan " + first + ".",
                "Invoice no-such-invoice is not an open invoice of this debtor.",
                "The first instalment cannot fall before today (" + TODAY + ").",
                "The instalments add up to EUR 110.00, but the chosen invoices have EUR 120.00 open: they must be equal."),
                refusals);
        assertEquals(plansBefore, ledger.id("SELECT count(*) FROM payment_plan"));
        assertEquals(instalmentsBefore, ledger.id("SELECT count(*) FROM instalment"));
        assertEquals(List.of("plan:" + first + ":approved"), notes(division));
        assertEquals(2, audit(division).size(), "only the first plan's proposal and approval");
    }

    @Test
    void paymentsPayTheOldestInstalmentFirstALateOneIsRemindedOnceAndAllPaidCompletesThePlan() throws SQLException {
        int division = ledger.division();
        long debtor = debtor(division, "payer", 90);
        long invoice = ledger.invoice(debtor, TODAY.minusDays(30), "300.00");
        long plan = propose(division, PlanRequest.equalInstalments("payer", List.of(), 3, TODAY.plusDays(5)));
        payment(invoice, "40.00", TODAY.minusDays(1));

        payment(invoice, "150.00", TODAY.plusDays(4));
        review(division, TODAY.plusDays(4));
        assertEquals(List.of("1 2026-11-30 100.00 100.00 PAID", "2 2026-12-30 100.00 50.00 OPEN", "3 2027-01-30 100.00 0.00 OPEN"),
                instalments(plan), "a payment from before the plan counts for nothing: it is out of the plan's total already");

        PlanReview late = review(division, LocalDate.of(2026, 12, 31));
        PlanReview again = review(division, LocalDate.of(2027, 1, 2));
        assertEquals(List.of("1 2026-11-30 100.00 100.00 PAID", "2 2026-12-30 100.00 50.00 LATE", "3 2027-01-30 100.00 0.00 OPEN"),
                instalments(plan));
        assertEquals(1, late.remindersPlanned());
        assertEquals(0, again.remindersPlanned());
        assertEquals(List.of("PLANNED"), ledger.rows("SELECT status FROM instalment_reminder WHERE debtor_id = ?", debtor));

        payment(invoice, "150.00", LocalDate.of(2027, 1, 5));
        PlanReview paid = review(division, LocalDate.of(2027, 1, 5));
        review(division, LocalDate.of(2027, 1, 6));

        assertEquals(new PlanReview(2, 1, 0, 0), paid);
        assertEquals("COMPLETED", plan(plan).split(" ")[0]);
        assertEquals(List.of("plan:" + plan + ":approved", "plan:" + plan + ":completed"), notes(division));
        assertEquals(List.of("PLAN_APPROVED " + plan, "PLAN_PROPOSED " + plan, "PLAN_COMPLETED " + plan), audit(division));
    }

    @Test
    void anInstalmentUnpaidPastTheGraceDaysDefaultsThePlanOnceAndDunningResumesOnWhatIsLeft() throws SQLException {
        int division = ledger.division();
        long debtor = debtor(division, "defaulter", 90);
        long older = ledger.invoice(debtor, TODAY.minusDays(30), "200.00");
        ledger.invoice(debtor, TODAY.minusDays(12), "100.00");
        long plan = propose(division, PlanRequest.equalInstalments("defaulter", List.of(), 3, TODAY.plusDays(5)));
        payment(older, "100.00", TODAY.plusDays(5));

        assertEquals(new PlanReview(2, 0, 0, 1), review(division, LocalDate.of(2026, 12, 31)), "instalment 1 paid, 2 late");
        PlanReview inGrace = review(division, LocalDate.of(2027, 1, 13));
        PlanReview pastGrace = review(division, LocalDate.of(2027, 1, 14));
        PlanReview after = review(division, LocalDate.of(2027, 1, 15));

        assertEquals(0, inGrace.defaulted(), "14 days after 30 December is still within the grace days");
        assertEquals(1, pastGrace.defaulted());
        assertEquals(0, after.defaulted());
        assertEquals("DEFAULTED", plan(plan).split(" ")[0]);
        assertEquals(List.of("1 2026-11-30 100.00 100.00 PAID", "2 2026-12-30 100.00 0.00 MISSED", "3 2027-01-30 100.00 0.00 OPEN"),
                instalments(plan));
        assertEquals(List.of("plan:" + plan + ":approved", "plan:" + plan + ":defaulted"), notes(division));
        String note = ledger.rows("SELECT payload FROM exact_writeback WHERE source = ?", "plan:" + plan + ":defaulted").get(0);
        assertTrue(note.contains("Instalment 2 of \u20ac100.00, due December 30, 2026, is still unpaid 14 days after its due date")
                && note.contains("dunning resumes on the \u20ac200.00 left"), note);

        PlanningResult resumed = new ReminderPlanner(ledger.dataSource()).plan(division, "EUR", LocalDate.of(2027, 1, 15),
                DUNNING, Instant.parse("2027-01-15T06:00:00Z"));
        assertEquals(new PlanningResult(1, 0), resumed);
        assertEquals(List.of("2 | 200.00"), ledger.rows(
                "SELECT cardinality(item_invoice_ids) || ' | ' || total_amount FROM reminder WHERE debtor_id = ?", debtor),
                "both invoices, with what is left open on them, are chased again");
    }

    @Test
    void aPlanWhoseInvoicesAreClosedInExactEndsWithoutRemindingAndSaysSo() throws SQLException {
        int division = ledger.division();
        long debtor = debtor(division, "credited", 90);
        long invoice = ledger.invoice(debtor, TODAY.minusDays(30), "300.00");
        long plan = propose(division, PlanRequest.equalInstalments("credited", List.of(), 3, TODAY.plusDays(5)));
        ledger.execute("UPDATE invoice SET open_amount = 0, closed_at = now() WHERE id = " + invoice);

        PlanReview review = review(division, LocalDate.of(2026, 12, 31));

        assertEquals(new PlanReview(2, 1, 0, 0), review, "no reminder for an instalment of a plan with nothing left to pay");
        assertEquals("COMPLETED", plan(plan).split(" ")[0]);
        String note = ledger.rows("SELECT payload FROM exact_writeback WHERE source = ?", "plan:" + plan + ":completed").get(0);
        assertTrue(note.contains("The invoices of the plan are closed in Exact Online; \u20ac0.00 of them came in"), note);
    }
}

package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import nl.dunwise.audit.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Steps that need approval are planned as AWAITING_APPROVAL; a collector's decision, made on the entity
 * through EclipseLink (Payara's JPA provider) outside the container, is what the database keeps.
 */
class ReminderApprovalTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Instant DECIDED = Instant.parse("2026-11-25T09:30:00Z");
    private static final Actor COLLECTOR = Actor.staff("collector");

    private static Ledger ledger;
    private static EntityManagerFactory jpa;

    @BeforeAll
    static void createDatabase() throws SQLException {
        ledger = new Ledger(ReminderApprovalTest.class);
        jpa = ledger.entityManagerFactory();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        jpa.close();
        ledger.close();
    }

    /** A reminder at the agency step (+63, needs approval), planned by the planning run. */
    private static long awaitingApproval(String debtorCode) throws SQLException {
        int division = ledger.division();
        long debtor = ledger.debtor(division, debtorCode);
        ledger.invoice(debtor, TODAY.minusDays(70), "600.00");
        new ReminderPlanner(ledger.dataSource()).plan(division, "EUR", TODAY, PlanningRunTest.POLICY,
                TODAY.atStartOfDay().toInstant(ZoneOffset.UTC));
        return ledger.id("SELECT id FROM reminder WHERE debtor_id = " + debtor);
    }

    private static void decide(long reminderId, Consumer<Reminder> decision) {
        StandaloneDispatch.inTransaction(jpa, em -> {
            decision.accept(em.find(Reminder.class, reminderId));
            return null;
        });
    }

    /** "status | decided by | decided at the decision's instant | rejection reason". */
    private static String stored(long reminderId) throws SQLException {
        return ledger.rows("SELECT status, decided_by, decided_at = ?, rejection_reason FROM reminder WHERE id = ?",
                Timestamp.from(DECIDED), reminderId).get(0);
    }

    @Test
    void anApprovedReminderIsPlannedForSending() throws SQLException {
        long reminder = awaitingApproval("to-approve");
        assertEquals("AWAITING_APPROVAL | null | null | null", stored(reminder));

        decide(reminder, r -> r.approve(COLLECTOR, DECIDED));

        assertEquals("PLANNED | collector | true | null", stored(reminder));
    }

    @Test
    void aRejectedReminderKeepsItsReasonAndIsNotPlannedAgain() throws SQLException {
        long reminder = awaitingApproval("to-reject");

        decide(reminder, r -> r.reject(COLLECTOR, "  Agreed a payment plan by phone ", DECIDED));
        int division = (int) ledger.id("SELECT division FROM reminder WHERE id = " + reminder);
        PlanningResult nextDay = new ReminderPlanner(ledger.dataSource()).plan(division, "EUR", TODAY.plusDays(1),
                PlanningRunTest.POLICY, TODAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));

        assertEquals("REJECTED | collector | true | Agreed a payment plan by phone", stored(reminder));
        assertEquals(0, nextDay.planned());
    }

    @Test
    void onlyAReminderAwaitingApprovalCanBeDecidedOn() throws SQLException {
        long reminder = awaitingApproval("decided-twice");
        decide(reminder, r -> r.approve(COLLECTOR, DECIDED));

        assertThrows(IllegalStateException.class, () -> decide(reminder, r -> r.reject(COLLECTOR, "too late", DECIDED)));
        assertThrows(IllegalArgumentException.class, () -> decide(awaitingApproval("no-reason"), r -> r.reject(COLLECTOR, " ", DECIDED)));
        assertEquals("PLANNED | collector | true | null", stored(reminder));
    }
}

package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.dunwise.audit.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A CALL_TASK step becomes an open task in the collectors' queue instead of a message, and stays open until
 * a collector closes it with what came of the call; kept in PostgreSQL through EclipseLink.
 */
class CallTaskTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z");
    private static final Actor COLLECTOR = Actor.staff("colin");

    private static Ledger ledger;
    private static EntityManagerFactory jpa;

    @BeforeAll
    static void createDatabase() throws SQLException {
        ledger = new Ledger(CallTaskTest.class);
        jpa = ledger.entityManagerFactory();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        jpa.close();
        ledger.close();
    }

    /** The standard scenario's +49 step (a call) planned for a debtor 50 days late. */
    private static long plannedCall(String debtorCode) throws SQLException {
        int division = ledger.division();
        long debtor = ledger.debtor(division, debtorCode);
        ledger.invoice(debtor, TODAY.minusDays(50), "812.40");
        new ReminderPlanner(ledger.dataSource()).plan(division, "EUR", TODAY, PlanningRunTest.POLICY,
                TODAY.atStartOfDay().toInstant(ZoneOffset.UTC));
        return ledger.id("SELECT id FROM reminder WHERE debtor_id = " + debtor + " AND channel = 'CALL_TASK'");
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        return StandaloneDispatch.inTransaction(jpa, work);
    }

    /** What the dispatcher does with a claimed CALL_TASK reminder. */
    private static long openTask(long reminderId) {
        return inTransaction(em -> {
            Reminder reminder = em.find(Reminder.class, reminderId);
            CallTask task = new CallTask(reminder, TODAY, NOW);
            em.persist(task);
            em.flush();
            reminder.handedToCollectors(NOW);
            return task.getId();
        });
    }

    private static void onTask(long taskId, Consumer<CallTask> change) {
        inTransaction(em -> {
            change.accept(em.find(CallTask.class, taskId));
            return null;
        });
    }

    @Test
    void aCallStepOpensATaskForTheDebtorInsteadOfAMessage() throws SQLException {
        long reminder = plannedCall("to-call");
        long task = openTask(reminder);

        assertEquals("OPEN | call-task | 812.40 | EUR | 2026-11-25 | null",
                ledger.rows("SELECT status, step_code, total_amount, currency, due_date, outcome FROM call_task WHERE id = ?", task).get(0));
        assertEquals("SENT | collectors' queue | null",
                ledger.rows("SELECT status, recipient, message_id FROM reminder WHERE id = ?", reminder).get(0));
    }

    @Test
    void aCollectorClosesTheTaskWithWhatCameOfTheCall() throws SQLException {
        long task = openTask(plannedCall("called"));
        onTask(task, t -> t.assignTo("colin"));
        onTask(task, t -> t.close("  Promised to pay on 1 December ", COLLECTOR, NOW));

        assertEquals("DONE | colin | Promised to pay on 1 December | colin",
                ledger.rows("SELECT status, assigned_to, outcome, closed_by FROM call_task WHERE id = ?", task).get(0));
    }

    @Test
    void aTaskIsNotClosedWithoutAnOutcomeNorClosedTwice() throws SQLException {
        long task = openTask(plannedCall("closed-twice"));
        assertThrows(IllegalArgumentException.class, () -> onTask(task, t -> t.close(" ", COLLECTOR, NOW)));
        onTask(task, t -> t.close("No answer; left a voicemail", COLLECTOR, NOW));
        assertThrows(IllegalStateException.class, () -> onTask(task, t -> t.close("again", COLLECTOR, NOW)));
        assertEquals("DONE | No answer; left a voicemail",
                ledger.rows("SELECT status, outcome FROM call_task WHERE id = ?", task).get(0));
    }
}

package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A credit manager pins a debtor's scenario through EclipseLink outside the container; the planning run's
 * score then leaves it alone until it is unpinned, and every change is in the audit log.
 */
class ScenarioPinningTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final Actor CARLA = Actor.staff("carla");

    private static Ledger ledger;
    private static EntityManagerFactory jpa;

    @BeforeAll
    static void createDatabase() throws SQLException {
        ledger = new Ledger(ScenarioPinningTest.class);
        jpa = ledger.entityManagerFactory();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        jpa.close();
        ledger.close();
    }

    /** One call of the service in a transaction of its own, as the container would run it. */
    private static boolean inTransaction(Function<ScenarioPinning, Boolean> call) {
        return StandaloneDispatch.inTransaction(jpa, em -> call.apply(new ScenarioPinning(em, new AuditLog(em, CLOCK))));
    }

    private static void plan(int division, LocalDate day) {
        new ReminderPlanner(ledger.dataSource()).plan(division, "EUR", day, PlanningRunTest.POLICY,
                day.atTime(6, 0).toInstant(ZoneOffset.UTC));
    }

    /** "scenario code | pinned". */
    private static String scenarioOf(long debtor) throws SQLException {
        return ledger.rows("SELECT s.code, d.scenario_pinned FROM debtor d LEFT JOIN scenario s ON s.id = d.scenario_id "
                + "WHERE d.id = ?", debtor).get(0);
    }

    /** "action | actor | details" of the debtor's audit events, oldest first. */
    private static List<String> audited(long debtor) throws SQLException {
        return ledger.rows("SELECT action, actor, details FROM audit_event WHERE subject_type = 'Debtor' AND subject_id = ? "
                + "ORDER BY id", String.valueOf(debtor));
    }

    @Test
    void aPinnedScenarioOutlastsTheScoreUntilItIsUnpinnedAndEachChangeIsAudited() throws SQLException {
        int division = ledger.division();
        long goodPayer = ledger.debtor(division, "good-payer");
        for (int i = 0; i < 3; i++) {
            ledger.paidInvoice(goodPayer, TODAY.minusDays(30 + i), "100.00", TODAY.minusDays(35));
        }
        plan(division, TODAY.minusDays(1));
        assertEquals("friendly | false", scenarioOf(goodPayer), "the score earns the friendly scenario");
        long strict = ledger.scenarioId(division, "strict");

        assertTrue(inTransaction(p -> p.pin(division, goodPayer, strict, CARLA)));
        plan(division, TODAY);
        assertEquals("strict | true", scenarioOf(goodPayer), "the score leaves a pinned scenario alone");

        assertTrue(inTransaction(p -> p.unpin(division, goodPayer, CARLA)));
        assertEquals("strict | false", scenarioOf(goodPayer), "until the next run the debtor keeps its scenario");
        plan(division, TODAY.plusDays(1));
        assertEquals("friendly | false", scenarioOf(goodPayer), "the next run lets the score choose again");

        assertEquals(List.of("SCENARIO_PINNED | carla | pinned to scenario strict",
                "SCENARIO_UNPINNED | carla | unpinned from scenario strict; the score chooses from the next planning run"),
                audited(goodPayer));
    }

    @Test
    void onlyAnActiveScenarioOfTheDebtorsOwnDivisionCanBePinnedAndOnlyAPinnedOneUnpinned() throws SQLException {
        int division = ledger.division();
        int other = ledger.division();
        long debtor = ledger.debtor(division, "debtor");
        long inactive = ledger.scenarioId(division, "friendly");
        ledger.execute("UPDATE scenario SET active = false WHERE id = " + inactive);
        long strict = ledger.scenarioId(division, "strict");
        long othersStrict = ledger.scenarioId(other, "strict");

        assertFalse(inTransaction(p -> p.pin(division, debtor, othersStrict, CARLA)), "another division's scenario");
        assertFalse(inTransaction(p -> p.pin(division, debtor, inactive, CARLA)), "an inactive scenario");
        assertFalse(inTransaction(p -> p.pin(other, debtor, othersStrict, CARLA)), "a debtor of another division");
        assertFalse(inTransaction(p -> p.unpin(division, debtor, CARLA)), "a debtor that is not pinned");
        assertTrue(inTransaction(p -> p.pin(division, debtor, strict, CARLA)));
        assertFalse(inTransaction(p -> p.unpin(other, debtor, CARLA)), "unpinned through another division");

        assertEquals("strict | true", scenarioOf(debtor));
        assertEquals(List.of("SCENARIO_PINNED | carla | pinned to scenario strict"), audited(debtor));
    }
}

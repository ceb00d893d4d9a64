package nl.dunwise.dunning;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;

/**
 * A credit manager pins a debtor's scenario: from then on the payment-behaviour score no longer changes it
 * (score-payment-behaviour.sql keeps a pinned scenario). Unpinning hands the choice back to the score at
 * the next planning run. Each change is audited in its own transaction.
 */
@Stateless
public class ScenarioPinning {

    /** Only an active scenario of the debtor's own division; answers its code, or nothing when either does not fit. */
    private static final String PIN = """
            UPDATE debtor d SET scenario_id = s.id, scenario_pinned = true
            FROM scenario s
            WHERE d.id = ? AND d.division = ? AND s.id = ? AND s.division = d.division AND s.active
            RETURNING s.code
            """;

    /** Answers the code of the scenario the debtor keeps until the next run, or nothing when it was not pinned. */
    private static final String UNPIN = """
            UPDATE debtor d SET scenario_pinned = false
            WHERE d.id = ? AND d.division = ? AND d.scenario_pinned
            RETURNING coalesce((SELECT s.code FROM scenario s WHERE s.id = d.scenario_id), '-')
            """;

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private AuditLog audit;

    public ScenarioPinning() {
    }

    /** For tests outside the container. */
    ScenarioPinning(EntityManager em, AuditLog audit) {
        this.em = em;
        this.audit = audit;
    }

    /** Pins the scenario; false when the debtor or the scenario is not of the division, or the scenario is inactive. */
    public boolean pin(int division, long debtorId, long scenarioId, Actor actor) {
        List<?> pinned = em.createNativeQuery(PIN)
                .setParameter(1, debtorId).setParameter(2, division).setParameter(3, scenarioId)
                .getResultList();
        if (pinned.isEmpty()) {
            return false;
        }
        audit.record(division, actor, "SCENARIO_PINNED", "Debtor", debtorId, "pinned to scenario " + pinned.get(0));
        return true;
    }

    /** Lets the score choose again from the next planning run; false when the debtor of the division was not pinned. */
    public boolean unpin(int division, long debtorId, Actor actor) {
        List<?> unpinned = em.createNativeQuery(UNPIN).setParameter(1, debtorId).setParameter(2, division).getResultList();
        if (unpinned.isEmpty()) {
            return false;
        }
        audit.record(division, actor, "SCENARIO_UNPINNED", "Debtor", debtorId,
                "unpinned from scenario " + unpinned.get(0) + "; the score chooses from the next planning run");
        return true;
    }
}

package nl.dunwise.dunning;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;

/**
 * The credit manager's scenario editor: load, let the scenario check and apply the change, audit it. A change
 * that breaks a rule throws {@link ScenarioRuleViolation} and stores nothing. Every id is looked up within the
 * division the caller works in.
 */
@Stateless
public class ScenarioEditor {

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private AuditLog audit;

    /** The scenarios of a division with all their steps (retired ones too), the default first. */
    public List<Scenario> scenarios(int division) {
        return em.createQuery("""
                select distinct s from Scenario s left join fetch s.steps
                where s.division = :division order by s.defaultScenario desc, s.name, s.id
                """, Scenario.class).setParameter("division", division).getResultList();
    }

    /** The template codes a step of {@code channel} may name in this division, in order. */
    public List<String> templateCodes(int division, Channel channel) {
        return catalog(division).stream().filter(k -> k.channel() == channel).map(TemplateKey::code).sorted().toList();
    }

    public void changeStep(int division, long stepId, StepDraft draft, Actor actor) {
        Step step = step(division, stepId);
        String before = describe(step);
        step.getScenario().change(step, draft, templates(division));
        audit.record(division, actor, "SCENARIO_STEP_CHANGED", "Step", stepId,
                step.getScenario().getCode() + ": " + before + " -> " + describe(step));
    }

    public void addStep(int division, long scenarioId, StepDraft draft, Actor actor) {
        Scenario scenario = scenario(division, scenarioId);
        Step step = scenario.add(draft, templates(division));
        em.flush();
        audit.record(division, actor, "SCENARIO_STEP_ADDED", "Step", step.getId(), scenario.getCode() + ": " + describe(step));
    }

    /** Retires the step: reminders and skips of the past keep naming it (reminder.step_id, dunning_skip.step_id). */
    public void retireStep(int division, long stepId, Actor actor) {
        Step step = step(division, stepId);
        step.getScenario().retire(step);
        audit.record(division, actor, "SCENARIO_STEP_RETIRED", "Step", stepId,
                step.getScenario().getCode() + ": " + describe(step));
    }

    public void rename(int division, long scenarioId, String name, String description, Actor actor) {
        Scenario scenario = scenario(division, scenarioId);
        String before = scenario.getName();
        scenario.rename(name, description);
        audit.record(division, actor, "SCENARIO_RENAMED", "Scenario", scenarioId,
                scenario.getCode() + ": " + before + " -> " + scenario.getName());
    }

    public void makeDefault(int division, long scenarioId, Actor actor) {
        Scenario scenario = scenario(division, scenarioId);
        scenario.makeDefaultAmong(scenarios(division));
        audit.record(division, actor, "SCENARIO_DEFAULT", "Scenario", scenarioId, scenario.getCode());
    }

    public void setActive(int division, long scenarioId, boolean active, Actor actor) {
        Scenario scenario = scenario(division, scenarioId);
        if (active) {
            scenario.activate();
        } else {
            scenario.deactivate();
        }
        audit.record(division, actor, active ? "SCENARIO_ACTIVATED" : "SCENARIO_DEACTIVATED", "Scenario", scenarioId,
                scenario.getCode());
    }

    private Scenario scenario(int division, long scenarioId) {
        Scenario scenario = em.find(Scenario.class, scenarioId);
        if (scenario == null || scenario.getDivision() != division) {
            throw new IllegalArgumentException("There is no scenario " + scenarioId + " in division " + division + ".");
        }
        return scenario;
    }

    private Step step(int division, long stepId) {
        Step step = em.find(Step.class, stepId);
        if (step == null || step.getScenario().getDivision() != division) {
            throw new IllegalArgumentException("There is no step " + stepId + " in division " + division + ".");
        }
        return step;
    }

    private TemplateCatalog templates(int division) {
        Set<TemplateKey> keys = new HashSet<>(catalog(division));
        return (channel, code) -> keys.contains(new TemplateKey(channel, code));
    }

    /**
     * The texts of the division by channel and code; calls and agency hand-overs have no text to send, and the
     * codes their steps already use are their names.
     */
    private List<TemplateKey> catalog(int division) {
        List<?> rows = em.createNativeQuery("""
                SELECT DISTINCT channel, code FROM message_template WHERE division = ?
                UNION
                SELECT DISTINCT st.channel, st.template_code FROM step st JOIN scenario s ON s.id = st.scenario_id
                WHERE s.division = ? AND st.channel IN ('CALL_TASK', 'AGENCY')
                """).setParameter(1, division).setParameter(2, division).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new TemplateKey(Channel.valueOf((String) r[0]), (String) r[1])).toList();
    }

    private static String describe(Step step) {
        return "day " + step.getDayOffset() + " " + step.getChannel() + " " + step.getTemplateCode() + " "
                + step.draft().options();
    }

    private record TemplateKey(Channel channel, String code) {
    }
}

package nl.dunwise.dunning;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * An ordered list of steps that a debtor goes through while its invoices stay unpaid. A credit manager edits
 * it in the cockpit; the rules it keeps while doing so are {@link ScenarioRule}s.
 */
@Entity
@Table(name = "scenario")
public class Scenario {

    static final int MIN_OFFSET = -30;
    static final int MAX_OFFSET = 365;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Integer division;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(name = "is_default", nullable = false)
    private boolean defaultScenario;

    @Column(nullable = false)
    private boolean active = true;

    @OneToMany(mappedBy = "scenario", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Step> steps = new ArrayList<>();

    protected Scenario() {
    }

    Scenario(int division, String code, String name, String description, boolean defaultScenario) {
        this.division = division;
        this.code = code;
        this.name = name;
        this.description = description;
        this.defaultScenario = defaultScenario;
    }

    Scenario step(int dayOffset, Channel channel, String templateCode, StepOption... options) {
        steps.add(new Step(this, steps.size() + 1, new StepDraft(dayOffset, channel, templateCode, Set.of(options))));
        return this;
    }

    /**
     * Changes one step. The step keeps its place in the order, so its new day lies between the days of its
     * neighbours; the whole scenario must keep its rules afterwards.
     */
    public void change(Step step, StepDraft draft, TemplateCatalog templates) {
        List<Step> active = activeSteps();
        int at = active.indexOf(requireOwn(step));
        if (at > 0 && draft.dayOffset() <= active.get(at - 1).getDayOffset()) {
            throw new ScenarioRuleViolation(ScenarioRule.OFFSET_NOT_AFTER_PREVIOUS, draft.dayOffset(),
                    active.get(at - 1).getDayOffset());
        }
        if (at < active.size() - 1 && draft.dayOffset() >= active.get(at + 1).getDayOffset()) {
            throw new ScenarioRuleViolation(ScenarioRule.OFFSET_NOT_BEFORE_NEXT, draft.dayOffset(),
                    active.get(at + 1).getDayOffset());
        }
        requireTemplate(draft, templates);
        List<StepDraft> proposed = new ArrayList<>(active.stream().map(Step::draft).toList());
        proposed.set(at, draft);
        check(proposed);
        step.become(draft);
    }

    /** Adds a step, placed by its day among the others. */
    public Step add(StepDraft draft, TemplateCatalog templates) {
        requireTemplate(draft, templates);
        List<StepDraft> proposed = new ArrayList<>(activeSteps().stream().map(Step::draft).toList());
        proposed.add(draft);
        proposed.sort(Comparator.comparingInt(StepDraft::dayOffset));
        check(proposed);
        Step step = new Step(this, steps.size() + 1, draft);
        steps.add(step);
        renumber();
        return step;
    }

    /**
     * Takes a step out of the scenario. It is retired rather than deleted, since reminders and skips of the
     * past name it; planning no longer sees it.
     */
    public void retire(Step step) {
        List<StepDraft> proposed = new ArrayList<>();
        for (Step other : activeSteps()) {
            if (other != requireOwn(step)) {
                proposed.add(other.draft());
            }
        }
        if (proposed.isEmpty()) {
            throw new ScenarioRuleViolation(ScenarioRule.LAST_STEP);
        }
        check(proposed);
        step.retire();
        renumber();
    }

    public void rename(String name, String description) {
        if (name == null || name.isBlank()) {
            throw new ScenarioRuleViolation(ScenarioRule.NAME_REQUIRED);
        }
        this.name = name.strip();
        this.description = description == null || description.isBlank() ? null : description.strip();
    }

    /** Makes this the division's default scenario, and the others of {@code division} not. */
    public void makeDefaultAmong(Collection<Scenario> division) {
        if (!active) {
            throw new ScenarioRuleViolation(ScenarioRule.DEFAULT_MUST_BE_ACTIVE, name);
        }
        for (Scenario other : division) {
            if (other != this && other.division.equals(this.division)) {
                other.defaultScenario = false;
            }
        }
        this.defaultScenario = true;
    }

    public void activate() {
        this.active = true;
    }

    /** Debtors pinned to an inactive scenario follow the default until it is active again (plan-reminders.sql). */
    public void deactivate() {
        if (defaultScenario) {
            throw new ScenarioRuleViolation(ScenarioRule.DEFAULT_STAYS_ACTIVE, name);
        }
        this.active = false;
    }

    /** The steps planning uses, in their order. */
    public List<Step> activeSteps() {
        return steps.stream().filter(s -> !s.isRetired()).sorted(Comparator.comparingInt(Step::getPosition)).toList();
    }

    private Step requireOwn(Step step) {
        if (step.isRetired() || !steps.contains(step)) {
            throw new IllegalArgumentException("Step " + step.getId() + " is not an active step of scenario " + code);
        }
        return step;
    }

    /** Active steps first, by day; retired ones after them, so that positions stay unique. */
    private void renumber() {
        steps.sort(Comparator.comparing(Step::isRetired).thenComparingInt(Step::getDayOffset));
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).placeAt(i + 1);
        }
    }

    private static void requireTemplate(StepDraft draft, TemplateCatalog templates) {
        if (draft.channel() == null || !templates.has(draft.channel(), draft.templateCode())) {
            throw new ScenarioRuleViolation(ScenarioRule.TEMPLATE_MISSING, draft.templateCode(), draft.channel());
        }
    }

    /** The rules of a whole scenario, over its steps in day order. */
    static void check(List<StepDraft> steps) {
        StepDraft letter = null;
        int preDue = 0;
        for (int i = 0; i < steps.size(); i++) {
            StepDraft step = steps.get(i);
            if (step.dayOffset() < MIN_OFFSET || step.dayOffset() > MAX_OFFSET) {
                throw new ScenarioRuleViolation(ScenarioRule.OFFSET_OUT_OF_RANGE, step.dayOffset(), MIN_OFFSET, MAX_OFFSET);
            }
            if (i > 0 && steps.get(i - 1).dayOffset() == step.dayOffset()) {
                throw new ScenarioRuleViolation(ScenarioRule.SAME_DAY, step.dayOffset());
            }
            if (step.isPreDue()) {
                if (++preDue > 1) {
                    throw new ScenarioRuleViolation(ScenarioRule.TWO_PRE_DUE, step.dayOffset());
                }
                if (step.escalates() || step.has(StepOption.ADDS_INTEREST) || step.has(StepOption.FOURTEEN_DAY_LETTER)
                        || step.channel() == Channel.CALL_TASK) {
                    throw new ScenarioRuleViolation(ScenarioRule.PRE_DUE_ONLY_INFORMS, step.dayOffset());
                }
            }
            if (step.has(StepOption.FOURTEEN_DAY_LETTER)) {
                if (step.channel() != Channel.EMAIL && step.channel() != Channel.LETTER) {
                    throw new ScenarioRuleViolation(ScenarioRule.FOURTEEN_DAY_LETTER_WRITTEN, step.dayOffset());
                }
                if (letter != null) {
                    throw new ScenarioRuleViolation(ScenarioRule.TWO_FOURTEEN_DAY_LETTERS, letter.dayOffset(), step.dayOffset());
                }
                letter = step;
            }
            // the letter's own step may announce the costs: they fall due only when its term has passed
            if (step.escalates() && letter == null) {
                throw new ScenarioRuleViolation(ScenarioRule.FOURTEEN_DAY_LETTER_FIRST, step.dayOffset());
            }
        }
    }

    public Long getId() {
        return id;
    }

    public Integer getDivision() {
        return division;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public boolean isDefaultScenario() {
        return defaultScenario;
    }

    public boolean isActive() {
        return active;
    }

    public List<Step> getSteps() {
        return Collections.unmodifiableList(steps);
    }
}

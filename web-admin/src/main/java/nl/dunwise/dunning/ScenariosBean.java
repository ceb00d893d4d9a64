package nl.dunwise.dunning;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import nl.dunwise.cockpit.Notices;
import nl.dunwise.cockpit.StaffBean;
import nl.dunwise.exact.CockpitDivision;

/**
 * The scenario editor: every scenario of the division with its steps; a credit manager changes, adds and
 * removes steps, renames a scenario, makes one the default and (de)activates the others. A change the
 * scenario refuses stays in the editor with the rule's sentence beside it.
 */
@Named("scenarios")
@ViewScoped
public class ScenariosBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient ScenarioEditor editor;

    @Inject
    private CockpitDivision cockpitDivision;

    @Inject
    private StaffBean staff;

    private transient List<Scenario> list;

    /** The scenario the step editor works in, and the step (empty while adding one). */
    private Long editingScenarioId;
    private Long editingStepId;
    private boolean editingStep;
    private Integer dayOffset;
    private Channel channel;
    private String templateCode;
    private boolean needsApproval;
    private boolean addsCollectionCosts;
    private boolean addsInterest;
    private boolean fourteenDayLetter;

    private Long renamingId;
    private String name;
    private String description;

    /** The first managed division, as on the other pages; empty until Exact Online is connected. */
    public Integer getDivision() {
        return cockpitDivision.code();
    }

    public List<Scenario> getList() {
        if (list == null) {
            list = getDivision() == null ? List.of() : editor.scenarios(getDivision());
        }
        return list;
    }

    public List<Channel> getChannels() {
        return List.of(Channel.values());
    }

    public List<String> getTemplateCodes() {
        return channel == null || getDivision() == null ? List.of() : editor.templateCodes(getDivision(), channel);
    }

    // --- steps

    public void edit(Step step) {
        editingScenarioId = step.getScenario().getId();
        editingStepId = step.getId();
        editingStep = true;
        fill(step.draft());
    }

    public void startAdd(Scenario scenario) {
        editingScenarioId = scenario.getId();
        editingStepId = null;
        editingStep = true;
        List<Step> steps = scenario.activeSteps();
        int last = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).getDayOffset();
        fill(new StepDraft(last + 14, Channel.EMAIL, null, Set.of()));
    }

    private void fill(StepDraft draft) {
        dayOffset = draft.dayOffset();
        channel = draft.channel();
        templateCode = draft.templateCode();
        needsApproval = draft.options().contains(StepOption.NEEDS_APPROVAL);
        addsCollectionCosts = draft.options().contains(StepOption.ADDS_COLLECTION_COSTS);
        addsInterest = draft.options().contains(StepOption.ADDS_INTEREST);
        fourteenDayLetter = draft.options().contains(StepOption.FOURTEEN_DAY_LETTER);
    }

    /** Another channel has other texts: keep the code only when the new channel has it too. */
    public void channelChanged() {
        if (!getTemplateCodes().contains(templateCode)) {
            templateCode = null;
        }
    }

    public void saveStep() {
        if (mayNotEdit() || !editingStep) {
            return;
        }
        StepDraft draft = new StepDraft(dayOffset, channel, templateCode, options());
        if (tried(() -> {
            if (editingStepId == null) {
                editor.addStep(getDivision(), editingScenarioId, draft, staff.actor());
            } else {
                editor.changeStep(getDivision(), editingStepId, draft, staff.actor());
            }
        })) {
            Notices.info(editingStepId == null ? "scenarios.stepAdded" : "scenarios.stepSaved");
            cancelStep();
        }
    }

    public void cancelStep() {
        editingStep = false;
        editingStepId = null;
        editingScenarioId = null;
    }

    public void retire(Step step) {
        if (!mayNotEdit() && tried(() -> editor.retireStep(getDivision(), step.getId(), staff.actor()))) {
            Notices.info("scenarios.stepRetired", step.getDayOffset());
            cancelStep();
        }
    }

    private Set<StepOption> options() {
        return StepOption.of(needsApproval, addsCollectionCosts, addsInterest, fourteenDayLetter);
    }

    // --- scenarios

    public void startRename(Scenario scenario) {
        renamingId = scenario.getId();
        name = scenario.getName();
        description = scenario.getDescription();
    }

    public void rename() {
        if (!mayNotEdit() && renamingId != null
                && tried(() -> editor.rename(getDivision(), renamingId, name, description, staff.actor()))) {
            Notices.info("scenarios.renamed", name.strip());
            renamingId = null;
        }
    }

    public void cancelRename() {
        renamingId = null;
    }

    public void makeDefault(Scenario scenario) {
        if (!mayNotEdit() && tried(() -> editor.makeDefault(getDivision(), scenario.getId(), staff.actor()))) {
            Notices.info("scenarios.madeDefault", scenario.getName());
        }
    }

    public void setActive(Scenario scenario, boolean active) {
        if (!mayNotEdit() && tried(() -> editor.setActive(getDivision(), scenario.getId(), active, staff.actor()))) {
            Notices.info(active ? "scenarios.activated" : "scenarios.deactivated", scenario.getName());
        }
    }

    private boolean mayNotEdit() {
        if (!staff.isCreditManager() || getDivision() == null) {
            Notices.error("scenarios.notAllowed");
            return true;
        }
        return false;
    }

    /** Runs the change; a broken rule is told in the reader's language and nothing was stored. */
    private boolean tried(Runnable change) {
        try {
            change.run();
            list = null;
            return true;
        } catch (ScenarioRuleViolation e) {
            Notices.error("scenario.rule." + e.rule().name(), e.arguments());
            return false;
        }
    }

    // --- form fields

    public boolean isEditingStep() {
        return editingStep;
    }

    public Long getEditingScenarioId() {
        return editingScenarioId;
    }

    public Long getEditingStepId() {
        return editingStepId;
    }

    public Integer getDayOffset() {
        return dayOffset;
    }

    public void setDayOffset(Integer dayOffset) {
        this.dayOffset = dayOffset;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public String getTemplateCode() {
        return templateCode;
    }

    public void setTemplateCode(String templateCode) {
        this.templateCode = templateCode;
    }

    public boolean isNeedsApproval() {
        return needsApproval;
    }

    public void setNeedsApproval(boolean needsApproval) {
        this.needsApproval = needsApproval;
    }

    public boolean isAddsCollectionCosts() {
        return addsCollectionCosts;
    }

    public void setAddsCollectionCosts(boolean addsCollectionCosts) {
        this.addsCollectionCosts = addsCollectionCosts;
    }

    public boolean isAddsInterest() {
        return addsInterest;
    }

    public void setAddsInterest(boolean addsInterest) {
        this.addsInterest = addsInterest;
    }

    public boolean isFourteenDayLetter() {
        return fourteenDayLetter;
    }

    public void setFourteenDayLetter(boolean fourteenDayLetter) {
        this.fourteenDayLetter = fourteenDayLetter;
    }

    public Long getRenamingId() {
        return renamingId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}

package nl.dunwise.dunning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One step of a scenario: on which day relative to the due date, through which channel, with which text. */
@Entity
@Table(name = "step")
public class Step {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "scenario_id")
    private Scenario scenario;

    @Column(nullable = false)
    private int position;

    @Column(name = "day_offset", nullable = false)
    private int dayOffset;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "template_code", nullable = false)
    private String templateCode;

    @Column(name = "needs_approval", nullable = false)
    private boolean needsApproval;

    @Column(name = "adds_collection_costs", nullable = false)
    private boolean addsCollectionCosts;

    @Column(name = "adds_interest", nullable = false)
    private boolean addsInterest;

    @Column(name = "fourteen_day_letter", nullable = false)
    private boolean fourteenDayLetter;

    /** Left out of planning but kept, since reminders and skips of the past name it. */
    @Column(nullable = false)
    private boolean retired;

    protected Step() {
    }

    Step(Scenario scenario, int position, StepDraft draft) {
        this.scenario = scenario;
        this.position = position;
        become(draft);
    }

    void become(StepDraft draft) {
        this.dayOffset = draft.dayOffset();
        this.channel = draft.channel();
        this.templateCode = draft.templateCode();
        this.needsApproval = draft.has(StepOption.NEEDS_APPROVAL);
        this.addsCollectionCosts = draft.has(StepOption.ADDS_COLLECTION_COSTS);
        this.addsInterest = draft.has(StepOption.ADDS_INTEREST);
        this.fourteenDayLetter = draft.has(StepOption.FOURTEEN_DAY_LETTER);
    }

    /** The step as it is now, to propose a change from. */
    public StepDraft draft() {
        return new StepDraft(dayOffset, channel, templateCode,
                StepOption.of(needsApproval, addsCollectionCosts, addsInterest, fourteenDayLetter));
    }

    void retire() {
        this.retired = true;
    }

    void placeAt(int position) {
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public Scenario getScenario() {
        return scenario;
    }

    public int getPosition() {
        return position;
    }

    public int getDayOffset() {
        return dayOffset;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getTemplateCode() {
        return templateCode;
    }

    public boolean isNeedsApproval() {
        return needsApproval;
    }

    public boolean isAddsCollectionCosts() {
        return addsCollectionCosts;
    }

    public boolean isAddsInterest() {
        return addsInterest;
    }

    public boolean isFourteenDayLetter() {
        return fourteenDayLetter;
    }

    public boolean isRetired() {
        return retired;
    }
}

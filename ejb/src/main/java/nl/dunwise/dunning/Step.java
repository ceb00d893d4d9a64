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
import java.util.Arrays;
import java.util.List;

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

    protected Step() {
    }

    Step(Scenario scenario, int position, int dayOffset, Channel channel, String templateCode, StepOption... options) {
        this.scenario = scenario;
        this.position = position;
        this.dayOffset = dayOffset;
        this.channel = channel;
        this.templateCode = templateCode;
        List<StepOption> set = Arrays.asList(options);
        this.needsApproval = set.contains(StepOption.NEEDS_APPROVAL);
        this.addsCollectionCosts = set.contains(StepOption.ADDS_COLLECTION_COSTS);
        this.addsInterest = set.contains(StepOption.ADDS_INTEREST);
        this.fourteenDayLetter = set.contains(StepOption.FOURTEEN_DAY_LETTER);
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
}

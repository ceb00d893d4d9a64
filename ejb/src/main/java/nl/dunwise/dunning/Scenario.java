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
import java.util.Collections;
import java.util.List;

/** An ordered list of steps that a debtor goes through while its invoices stay unpaid. */
@Entity
@Table(name = "scenario")
public class Scenario {

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
        steps.add(new Step(this, steps.size() + 1, dayOffset, channel, templateCode, options));
        return this;
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

    public List<Step> getSteps() {
        return Collections.unmodifiableList(steps);
    }
}

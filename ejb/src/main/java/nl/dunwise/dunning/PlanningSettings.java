package nl.dunwise.dunning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link PlanningPolicy} as configured ({@code dunwise.dunning.*}); the record says what each value means.
 */
@ApplicationScoped
public class PlanningSettings {

    @Inject
    @ConfigProperty(name = "dunwise.dunning.minimum-amount", defaultValue = "5.00")
    private BigDecimal minimumAmount;

    @Inject
    @ConfigProperty(name = "dunwise.dunning.promise-grace-days", defaultValue = "3")
    private int promiseGraceDays;

    @Inject
    @ConfigProperty(name = "dunwise.dunning.score.minimum-paid-items", defaultValue = "3")
    private int minimumPaidItems;

    @Inject
    @ConfigProperty(name = "dunwise.dunning.score.good-payer-from", defaultValue = "80")
    private int goodPayerFrom;

    @Inject
    @ConfigProperty(name = "dunwise.dunning.score.late-payer-below", defaultValue = "40")
    private int latePayerBelow;

    @Inject
    @ConfigProperty(name = "dunwise.dunning.scenario.good-payers", defaultValue = "friendly")
    private String goodPayerScenario;

    @Inject
    @ConfigProperty(name = "dunwise.dunning.scenario.late-payers", defaultValue = "strict")
    private String latePayerScenario;

    /** Built at each run, so that contradicting thresholds fail the run that would use them, with the reason. */
    public PlanningPolicy policy() {
        return new PlanningPolicy(minimumAmount, promiseGraceDays, minimumPaidItems, goodPayerFrom, latePayerBelow,
                goodPayerScenario, latePayerScenario);
    }
}

package nl.dunwise.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@link PaymentPlanPolicy} as configured ({@code dunwise.plan.*}); the record says what each value means. */
@ApplicationScoped
public class PlanSettings {

    @Inject
    @ConfigProperty(name = "dunwise.plan.max-instalments", defaultValue = "6")
    private int maxInstalments;

    @Inject
    @ConfigProperty(name = "dunwise.plan.minimum-instalment", defaultValue = "50.00")
    private BigDecimal minimumInstalment;

    @Inject
    @ConfigProperty(name = "dunwise.plan.max-months", defaultValue = "6")
    private int maxMonths;

    @Inject
    @ConfigProperty(name = "dunwise.plan.minimum-score", defaultValue = "40")
    private int minimumScore;

    @Inject
    @ConfigProperty(name = "dunwise.plan.grace-days", defaultValue = "14")
    private int graceDays;

    /** Built at each use, so that a wrong setting fails the action that needs it, with the reason. */
    public PaymentPlanPolicy policy() {
        return new PaymentPlanPolicy(maxInstalments, minimumInstalment, maxMonths, minimumScore, graceDays);
    }
}

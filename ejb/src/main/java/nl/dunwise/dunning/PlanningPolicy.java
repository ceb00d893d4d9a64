package nl.dunwise.dunning;

import java.math.BigDecimal;

/**
 * The settings of a planning run, from configuration (dunwise.dunning.*): the pause thresholds and how the
 * payment-behaviour score picks a scenario.
 *
 * @param minimumAmount     below this (after credit) a debtor is not chased
 * @param promiseGraceDays  days after a promised pay date before dunning resumes
 * @param minimumPaidItems  paid items in the last 12 months a debtor needs before its score picks a scenario
 * @param goodPayerFrom     a score from this up earns the good-payer scenario
 * @param latePayerBelow    a score below this earns the late-payer scenario
 * @param goodPayerScenario code of the scenario for good payers
 * @param latePayerScenario code of the scenario for late payers
 */
public record PlanningPolicy(BigDecimal minimumAmount, int promiseGraceDays, int minimumPaidItems, int goodPayerFrom,
        int latePayerBelow, String goodPayerScenario, String latePayerScenario) {

    public PlanningPolicy {
        if (latePayerBelow > goodPayerFrom) {
            throw new IllegalArgumentException("The late-payer threshold (" + latePayerBelow
                    + ") must not be above the good-payer threshold (" + goodPayerFrom + ")");
        }
    }
}

package nl.dunwise.dunning;

import java.io.Serializable;

/**
 * A debtor's payment-behaviour score and the scenario it is in, as the cockpit lists them.
 *
 * @param score        0-100; empty without paid items or before the first planning run
 * @param scenarioCode empty before the first planning run gives the debtor a scenario
 * @param pinned       a credit manager chose the scenario: the score no longer changes it
 * @param reason       the figures behind the score in the reader's language
 */
public record DebtorScore(long debtorId, String code, String name, Integer score, String scenarioCode,
        String scenarioName, boolean pinned, String reason) implements Serializable {
}

package nl.dunwise.dunning;

import java.io.Serializable;
import java.time.Instant;
import nl.dunwise.money.Money;

/**
 * A reminder waiting for a collector's decision, as the approval queue lists it: who, which step through
 * which channel, how much, and why the debtor is in its scenario.
 *
 * @param step            the step's template code (the cockpit names it in the reader's language)
 * @param behaviourReason the debtor's payment behaviour in the reader's language
 */
public record ApprovalItem(long reminderId, String debtorCode, String debtorName, String step, Channel channel,
        Money total, Instant plannedAt, String behaviourReason) implements Serializable {
}

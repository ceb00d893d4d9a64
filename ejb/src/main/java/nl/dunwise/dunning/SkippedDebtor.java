package nl.dunwise.dunning;

import java.io.Serializable;

/**
 * A debtor the planning run held back, as the cockpit lists it.
 *
 * @param step   the template code of the step it would have reached; empty when no scenario applies
 * @param reason the first pause rule that held it back
 * @param text   that rule with its values, in the reader's language
 */
public record SkippedDebtor(long id, String debtorCode, String debtorName, String step, SkipReason reason, String text) implements Serializable {
}

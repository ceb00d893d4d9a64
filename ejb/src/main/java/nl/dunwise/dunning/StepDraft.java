package nl.dunwise.dunning;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/** What a credit manager wants a step to be: day, channel, text and flags; a scenario checks it before it is one. */
public record StepDraft(int dayOffset, Channel channel, String templateCode, Set<StepOption> options) implements Serializable {

    public StepDraft {
        templateCode = templateCode == null ? "" : templateCode.strip();
        options = options == null || options.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(options));
    }

    boolean has(StepOption option) {
        return options.contains(option);
    }

    boolean isPreDue() {
        return dayOffset <= 0;
    }

    /** Collection costs or an agency: what the law allows only after the 14-day letter. */
    boolean escalates() {
        return has(StepOption.ADDS_COLLECTION_COSTS) || channel == Channel.AGENCY;
    }
}

package nl.dunwise.dunning;

import java.util.EnumSet;
import java.util.Set;

public enum StepOption {
    NEEDS_APPROVAL, ADDS_COLLECTION_COSTS, ADDS_INTEREST, FOURTEEN_DAY_LETTER;

    /** The options a step (or a step being edited) has switched on. */
    public static Set<StepOption> of(boolean needsApproval, boolean addsCollectionCosts, boolean addsInterest,
            boolean fourteenDayLetter) {
        Set<StepOption> options = EnumSet.noneOf(StepOption.class);
        if (needsApproval) {
            options.add(NEEDS_APPROVAL);
        }
        if (addsCollectionCosts) {
            options.add(ADDS_COLLECTION_COSTS);
        }
        if (addsInterest) {
            options.add(ADDS_INTEREST);
        }
        if (fourteenDayLetter) {
            options.add(FOURTEEN_DAY_LETTER);
        }
        return options;
    }
}

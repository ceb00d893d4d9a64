package nl.dunwise.dunning;

public enum StepOption {
    NEEDS_APPROVAL, ADDS_COLLECTION_COSTS, ADDS_INTEREST, FOURTEEN_DAY_LETTER
}

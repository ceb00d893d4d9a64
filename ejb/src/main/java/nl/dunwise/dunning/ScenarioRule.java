package nl.dunwise.dunning;

/**
 * The rules a scenario keeps while a credit manager edits it (see docs/dunning.md); each names the sentence
 * the cockpit shows, {@code scenario.rule.<NAME>}, with the violation's arguments.
 */
public enum ScenarioRule {
    /** A step lies between -30 and 365 days from the due date. */
    OFFSET_OUT_OF_RANGE,
    /** A changed step keeps its place: after the step before it ... */
    OFFSET_NOT_AFTER_PREVIOUS,
    /** ... and before the step after it. */
    OFFSET_NOT_BEFORE_NEXT,
    /** No two steps on the same day. */
    SAME_DAY,
    /** One pre-due notice at most (day 0 or before). */
    TWO_PRE_DUE,
    /** Before the due date nothing is owed yet: no costs, interest, 14-day letter, call or agency. */
    PRE_DUE_ONLY_INFORMS,
    /** A step names a text that exists for its channel. */
    TEMPLATE_MISSING,
    /** One 14-day letter per scenario at most. */
    TWO_FOURTEEN_DAY_LETTERS,
    /** The 14-day letter is written: email or letter. */
    FOURTEEN_DAY_LETTER_WRITTEN,
    /** Collection costs and agency hand-over only at or after the 14-day letter. */
    FOURTEEN_DAY_LETTER_FIRST,
    /** A scenario keeps at least one step. */
    LAST_STEP,
    /** A scenario has a name. */
    NAME_REQUIRED,
    /** Only an active scenario can be the default. */
    DEFAULT_MUST_BE_ACTIVE,
    /** The default scenario stays active; make another the default first. */
    DEFAULT_STAYS_ACTIVE
}

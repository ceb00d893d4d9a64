package nl.dunwise.dunning;

public enum ReminderStatus {
    PLANNED, AWAITING_APPROVAL, SENT, FAILED, SKIPPED, BOUNCED,
    /** A collector turned down a step that needed approval; it is not planned again in the same cycle. */
    REJECTED
}

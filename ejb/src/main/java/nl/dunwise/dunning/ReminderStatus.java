package nl.dunwise.dunning;

public enum ReminderStatus {
    PLANNED, AWAITING_APPROVAL, SENT, FAILED, SKIPPED, BOUNCED
}

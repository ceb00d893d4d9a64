package nl.dunwise.dunning;

public enum Channel {
    EMAIL, SMS, LETTER, CALL_TASK, AGENCY
}

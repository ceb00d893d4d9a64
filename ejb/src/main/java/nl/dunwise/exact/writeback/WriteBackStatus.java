package nl.dunwise.exact.writeback;

public enum WriteBackStatus {
    /** Waiting for its next attempt (also while a sender holds it). */
    PENDING,
    /** Exact accepted it. */
    DONE,
    /** Exact refused it, or it kept failing: waits for a person to retry it from the cockpit. */
    FAILED
}

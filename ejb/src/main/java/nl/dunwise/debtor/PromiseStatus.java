package nl.dunwise.debtor;

/** Where a promise to pay stands. */
public enum PromiseStatus {
    /** Reminders wait until the promised date plus the grace days. */
    OPEN,
    /** Paid by the promised date plus grace (settled by the planning run). */
    KEPT,
    /** Not paid by then: counts against the debtor's payment-behaviour score. */
    BROKEN,
    /** A collector withdrew it; reminders resume. */
    CANCELLED
}

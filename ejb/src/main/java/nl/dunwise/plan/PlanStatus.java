package nl.dunwise.plan;

/** Where a payment plan stands; only an ACTIVE plan holds dunning back. */
public enum PlanStatus {
    /** Outside the policy: waits for a collector to approve or reject it. */
    PROPOSED,
    ACTIVE,
    COMPLETED,
    /** An instalment stayed unpaid past the grace days: dunning resumes on what is left. */
    DEFAULTED,
    REJECTED
}

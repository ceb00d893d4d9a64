package nl.dunwise.plan;

/** A rule of the {@link PaymentPlanPolicy} a proposal breaks, and so a reason it waits for a collector. */
public enum PolicyBreach {
    TOO_MANY_INSTALMENTS,
    INSTALMENT_TOO_SMALL,
    LAST_INSTALMENT_TOO_LATE,
    /** The debtor's payment-behaviour score is below the policy's minimum. */
    SCORE_TOO_LOW,
    /** Too little paid history for a score: a person judges the debtor. */
    NOT_SCORED
}

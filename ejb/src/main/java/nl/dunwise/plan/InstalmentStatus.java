package nl.dunwise.plan;

/** Where an instalment stands, as the review judged it from the payments on the plan's invoices. */
public enum InstalmentStatus {
    /** Not yet due, and not (fully) paid. */
    OPEN,
    PAID,
    /** Past its due date, unpaid, within the grace days: the debtor gets one instalment reminder. */
    LATE,
    /** Unpaid past the grace days: the plan has defaulted. */
    MISSED
}

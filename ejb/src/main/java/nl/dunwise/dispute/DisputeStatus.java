package nl.dunwise.dispute;

/** An open dispute, or how it was resolved. */
public enum DisputeStatus {
    OPEN,
    /** A credit note was made in Exact: the invoice's open amount drops when it is synced. */
    CREDITED,
    /** The invoice was corrected in Exact. */
    ADJUSTED,
    /** The claim stands: dunning of the invoice resumes. */
    REJECTED;

    public boolean isResolution() {
        return this != OPEN;
    }
}

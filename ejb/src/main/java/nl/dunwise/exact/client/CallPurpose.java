package nl.dunwise.exact.client;

/**
 * What a round of calls is for, which decides how much of Exact's call budget it may spend. The scheduled
 * sync is a safety net that can wait for tomorrow's budget; a write-back and a sync a person (or a webhook
 * about a change) is waiting for cannot, so the scheduled sync leaves them a reserve.
 */
public enum CallPurpose {
    /** The sync every 10 minutes: stops when the calls left fall to the reserve. */
    SCHEDULED_SYNC("The scheduled sync stopped"),
    /** Invoice PDFs for reminder emails: a reminder goes without them rather than spend the reserve. */
    ATTACHMENT_DOWNLOAD("Invoice PDFs are not downloaded now"),
    /** "Sync now", the sync of a webhook's change, connecting and subscribing: may use the reserve. */
    INTERACTIVE("Stopped"),
    /** Notes and account changes for Exact from the outbox: may use the reserve. */
    WRITE_BACK("Stopped");

    private final String whenReserved;

    CallPurpose(String whenReserved) {
        this.whenReserved = whenReserved;
    }

    public boolean keepsReserve() {
        return this == SCHEDULED_SYNC || this == ATTACHMENT_DOWNLOAD;
    }

    /** How a message starts that says this work waits for the reserve. */
    public String whenReserved() {
        return whenReserved;
    }
}

package nl.dunwise.exact.client;

/**
 * What a round of calls is for, which decides how much of Exact's call budget it may spend. The scheduled
 * sync is a safety net that can wait for tomorrow's budget; a write-back and a sync a person (or a webhook
 * about a change) is waiting for cannot, so the scheduled sync leaves them a reserve.
 */
public enum CallPurpose {
    /** The sync every 10 minutes: stops when the calls left fall to the reserve. */
    SCHEDULED_SYNC("The scheduled sync stopped"),
    /**
     * Invoice PDFs fetched ahead before a dispatch pass: keeps the reserve, and stops at the minutely reserve
     * rather than wait, so that the reminders go (without the files still missing) and the next round goes on.
     */
    ATTACHMENT_DOWNLOAD("Invoice PDFs are not downloaded now"),
    /**
     * The larger round of invoice PDFs after a division's first full sync, in the background: keeps the reserve
     * like the scheduled sync, and waits for the minute's reset rather than stop.
     */
    FIRST_PDF_ROUND("The first round of invoice PDFs stopped"),
    /** "Sync now", the sync of a webhook's change, connecting and subscribing: may use the reserve. */
    INTERACTIVE("Stopped"),
    /** Notes and account changes for Exact from the outbox: may use the reserve. */
    WRITE_BACK("Stopped");

    private final String whenReserved;

    CallPurpose(String whenReserved) {
        this.whenReserved = whenReserved;
    }

    public boolean keepsReserve() {
        return this == SCHEDULED_SYNC || this == ATTACHMENT_DOWNLOAD || this == FIRST_PDF_ROUND;
    }

    /** How a message starts that says this work waits for the reserve. */
    public String whenReserved() {
        return whenReserved;
    }
}

package nl.dunwise.dispute;

/** Why the debtor contests an invoice. */
public enum DisputeReason {
    PRICE, QUANTITY, NOT_RECEIVED, QUALITY, ALREADY_PAID, OTHER
}

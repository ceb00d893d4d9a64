package nl.dunwise.dunning;

/** Which statutory interest a late payer owes: it follows from who the debtor is, not from the invoice. */
public enum InterestKind {
    /** Wettelijke rente (art. 6:119 BW): a consumer's debt. */
    STATUTORY,
    /** Wettelijke handelsrente (art. 6:119a BW): a debt between businesses. */
    COMMERCIAL
}

package nl.dunwise.dunning;

/** Whether a debtor buys as a business or as a consumer: the law protects the consumer more. */
public enum DebtorKind {
    BUSINESS(InterestKind.COMMERCIAL),
    CONSUMER(InterestKind.STATUTORY);

    private final InterestKind interestKind;

    DebtorKind(InterestKind interestKind) {
        this.interestKind = interestKind;
    }

    /** Handelsrente between businesses (art. 6:119a BW), wettelijke rente for a consumer (art. 6:119 BW). */
    public InterestKind interestKind() {
        return interestKind;
    }
}

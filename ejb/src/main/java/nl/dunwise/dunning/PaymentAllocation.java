package nl.dunwise.dunning;

import nl.dunwise.money.Money;

/**
 * How one payment is split over what a debtor owes, in the order of art. 6:44 BW: first the collection costs,
 * then the interest, then the principal. So a debtor who pays exactly the principal still owes the costs and
 * the interest, and both stay visible as open instead of silently disappearing. What is paid beyond all three
 * is the surplus, to be refunded or set off.
 */
public record PaymentAllocation(Money toCollectionCosts, Money toInterest, Money toPrincipal, Money surplus,
        Money collectionCostsOpen, Money interestOpen, Money principalOpen) {

    public static PaymentAllocation of(Money payment, Money collectionCosts, Money interest, Money principal) {
        requireNotNegative("payment", payment);
        requireNotNegative("collection costs", collectionCosts);
        requireNotNegative("interest", interest);
        requireNotNegative("principal", principal);
        for (Money owed : new Money[] {collectionCosts, interest, principal}) {
            if (!owed.currency().equals(payment.currency())) {
                throw new IllegalArgumentException("A payment in " + payment.currency() + " cannot settle " + owed);
            }
        }
        Money toCosts = partOf(payment, collectionCosts);
        Money left = payment.minus(toCosts);
        Money toInterest = partOf(left, interest);
        left = left.minus(toInterest);
        Money toPrincipal = partOf(left, principal);
        return new PaymentAllocation(toCosts, toInterest, toPrincipal, left.minus(toPrincipal),
                collectionCosts.minus(toCosts), interest.minus(toInterest), principal.minus(toPrincipal));
    }

    /** What is still owed in all after this payment. */
    public Money open() {
        return collectionCostsOpen.plus(interestOpen).plus(principalOpen);
    }

    private static Money partOf(Money available, Money owed) {
        return available.amount().compareTo(owed.amount()) < 0 ? available : owed;
    }

    private static void requireNotNegative(String what, Money amount) {
        if (amount.amount().signum() < 0) {
            throw new IllegalArgumentException("A payment cannot be allocated to a negative " + what + ": " + amount);
        }
    }
}

package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import nl.dunwise.money.Money;
import org.junit.jupiter.api.Test;

class PaymentAllocationTest {

    private static final Money COSTS = eur("150.00");
    private static final Money INTEREST = eur("35.20");
    private static final Money PRINCIPAL = eur("1000.00");

    private static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), "EUR");
    }

    @Test
    void payingThePrincipalOnlyLeavesPrincipalOpenAndSettlesCostsAndInterestFirst() {
        PaymentAllocation a = PaymentAllocation.of(eur("1000.00"), COSTS, INTEREST, PRINCIPAL);
        assertEquals(eur("150.00"), a.toCollectionCosts());
        assertEquals(eur("35.20"), a.toInterest());
        assertEquals(eur("814.80"), a.toPrincipal());
        assertEquals(eur("0"), a.collectionCostsOpen());
        assertEquals(eur("0"), a.interestOpen());
        assertEquals(eur("185.20"), a.principalOpen());
        assertEquals(eur("185.20"), a.open());
    }

    @Test
    void aSmallPaymentGoesToTheCostsOnly() {
        PaymentAllocation a = PaymentAllocation.of(eur("100.00"), COSTS, INTEREST, PRINCIPAL);
        assertEquals(eur("100.00"), a.toCollectionCosts());
        assertEquals(eur("0"), a.toInterest());
        assertEquals(eur("0"), a.toPrincipal());
        assertEquals(eur("50.00"), a.collectionCostsOpen());
        assertEquals(eur("35.20"), a.interestOpen());
        assertEquals(eur("1000.00"), a.principalOpen());
    }

    @Test
    void aPaymentBeyondCostsReachesTheInterestBeforeThePrincipal() {
        PaymentAllocation a = PaymentAllocation.of(eur("170.00"), COSTS, INTEREST, PRINCIPAL);
        assertEquals(eur("150.00"), a.toCollectionCosts());
        assertEquals(eur("20.00"), a.toInterest());
        assertEquals(eur("0"), a.toPrincipal());
        assertEquals(eur("15.20"), a.interestOpen());
    }

    @Test
    void paymentOfEverythingLeavesNothingOpenAndAnOverpaymentIsSurplus() {
        PaymentAllocation exact = PaymentAllocation.of(eur("1185.20"), COSTS, INTEREST, PRINCIPAL);
        assertEquals(eur("0"), exact.open());
        assertEquals(eur("0"), exact.surplus());
        PaymentAllocation over = PaymentAllocation.of(eur("1200.00"), COSTS, INTEREST, PRINCIPAL);
        assertEquals(eur("1000.00"), over.toPrincipal());
        assertEquals(eur("14.80"), over.surplus());
    }

    @Test
    void aNegativeAmountOrAnotherCurrencyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PaymentAllocation.of(eur("-1"), COSTS, INTEREST, PRINCIPAL));
        assertThrows(IllegalArgumentException.class,
                () -> PaymentAllocation.of(eur("10"), COSTS, eur("-1"), PRINCIPAL));
        assertThrows(IllegalArgumentException.class,
                () -> PaymentAllocation.of(Money.of(BigDecimal.TEN, "USD"), COSTS, INTEREST, PRINCIPAL));
    }
}

package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.dunwise.dunning.ClaimStatement.OverdueItem;
import nl.dunwise.money.Money;
import org.junit.jupiter.api.Test;

class ClaimStatementsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final OverdueItem DECEMBER =
            new OverdueItem("2025-0042", eur("1000.00"), LocalDate.of(2025, 12, 31));
    private static final OverdueItem OCTOBER =
            new OverdueItem("2026-0917", eur("500.00"), LocalDate.of(2026, 10, 31));

    private final ClaimStatements statements = ClaimStatements.standard();

    private static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), "EUR");
    }

    @Test
    void aConsumerOwesWettelijkeRentePerItemAndCostsOnTheTotalPrincipal() {
        ClaimStatement s = statements.drawUp(DebtorKind.CONSUMER, "NL", List.of(DECEMBER, OCTOBER), TODAY);
        // 1 Jan through 25 Nov 2026 = 329 days at 4%: 1,000 x 4% x 329/365 = 36.05
        assertEquals(eur("36.05"), s.lines().get(0).interest());
        // 1 through 25 Nov = 25 days: 500 x 4% x 25/365 = 1.37
        assertEquals(eur("1.37"), s.lines().get(1).interest());
        assertEquals(eur("1500.00"), s.principal());
        assertEquals(eur("37.42"), s.interest());
        // WIK on 1,500: 15% = 225
        assertEquals(eur("225.00"), s.collectionCosts());
        assertEquals(eur("1762.42"), s.total());
    }

    @Test
    void aBusinessOwesHandelsrente() {
        ClaimStatement s = statements.drawUp(DebtorKind.BUSINESS, "NL", List.of(DECEMBER, OCTOBER), TODAY);
        // 10.15%: 1,000 x 10.15% x 329/365 = 91.49; 500 x 10.15% x 25/365 = 3.48
        assertEquals(eur("91.49"), s.lines().get(0).interest());
        assertEquals(eur("3.48"), s.lines().get(1).interest());
        assertEquals(eur("94.97"), s.interest());
        assertEquals(eur("225.00"), s.collectionCosts());
        assertEquals(eur("1819.97"), s.total());
    }

    @Test
    void collectionCostsAreOnTheSumOfTheItemsNotOnEachInvoice() {
        OverdueItem first = new OverdueItem("2026-0901", eur("100.00"), LocalDate.of(2026, 10, 1));
        OverdueItem second = new OverdueItem("2026-0902", eur("100.00"), LocalDate.of(2026, 10, 1));
        // one minimum of 40 on 200, not 40 + 40 on two invoices of 100
        assertEquals(eur("40.00"),
                statements.drawUp(DebtorKind.CONSUMER, "NL", List.of(first, second), TODAY).collectionCosts());
    }

    @Test
    void interestStartsTheDayAfterTheDueDate() {
        ClaimStatement dayAfter =
                statements.drawUp(DebtorKind.CONSUMER, "NL", List.of(OCTOBER), LocalDate.of(2026, 11, 1));
        // one day: 500 x 4% / 365 = 0.0548 -> 0.05
        assertEquals(eur("0.05"), dayAfter.interest());
    }

    @Test
    void anItemThatIsNotOverdueHasNoPlaceOnTheStatement() {
        assertThrows(IllegalArgumentException.class, () -> statements.drawUp(DebtorKind.CONSUMER, "NL",
                List.of(new OverdueItem("2026-1001", eur("100"), TODAY)), TODAY));
        assertThrows(IllegalArgumentException.class,
                () -> statements.drawUp(DebtorKind.CONSUMER, "NL", List.of(), TODAY));
    }

    @Test
    void itemsInDifferentCurrenciesCannotBeAddedUp() {
        OverdueItem dollars = new OverdueItem("2026-0918", Money.of(BigDecimal.TEN, "USD"), LocalDate.of(2026, 10, 31));
        assertThrows(IllegalArgumentException.class,
                () -> statements.drawUp(DebtorKind.CONSUMER, "NL", List.of(OCTOBER, dollars), TODAY));
    }
}

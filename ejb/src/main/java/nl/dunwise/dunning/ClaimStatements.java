package nl.dunwise.dunning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.dunwise.money.Money;

/**
 * Draws up a debtor's {@link ClaimStatement}: the collection costs by the country's scale on the total principal
 * (the WIK scale applies to the sum of the claim, not to each invoice), and per item the interest of the debtor's
 * kind from the first day of default, the day after the due date, through the statement's day.
 */
public final class ClaimStatements {

    private final CollectionCostsPolicy costs;
    private final StatutoryInterest interest;

    public ClaimStatements(CollectionCostsPolicy costs, StatutoryInterest interest) {
        this.costs = costs;
        this.interest = interest;
    }

    public static ClaimStatements standard() {
        return new ClaimStatements(CollectionCostsPolicy.standard(), new StatutoryInterest(InterestRates.standard()));
    }

    /**
     * @throws IllegalArgumentException when there is no item, an item is not yet overdue on {@code on}, the items
     *         are in different currencies, or the country has no cost scale or interest rate for the period
     */
    public ClaimStatement drawUp(DebtorKind debtorKind, String country, List<ClaimStatement.OverdueItem> items,
            LocalDate on) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("A claim statement needs at least one overdue item");
        }
        Money zero = Money.zero(items.get(0).principal().currency().getCurrencyCode());
        Money principal = zero;
        Money totalInterest = zero;
        List<ClaimStatement.Line> lines = new ArrayList<>();
        for (ClaimStatement.OverdueItem item : items) {
            if (!item.dueDate().isBefore(on)) {
                throw new IllegalArgumentException("Invoice " + item.invoiceNumber() + " is not overdue on " + on);
            }
            Money itemInterest = interest.interest(item.principal(), country, debtorKind.interestKind(),
                    item.dueDate().plusDays(1), on);
            lines.add(new ClaimStatement.Line(item, itemInterest));
            principal = principal.plus(item.principal());
            totalInterest = totalInterest.plus(itemInterest);
        }
        Money collectionCosts = costs.costsOn(country, principal, on);
        return new ClaimStatement(on, country, debtorKind, lines, principal, totalInterest, collectionCosts,
                principal.plus(totalInterest).plus(collectionCosts));
    }
}

package nl.dunwise.dunning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import nl.dunwise.money.Money;

/**
 * A scale of extrajudicial collection costs in force from a date: cumulative tiers over the principal,
 * with a minimum and a maximum. A tier without an upper amount takes the rest.
 */
public record CollectionCostScale(String country, LocalDate effectiveFrom, String currency, List<Tier> tiers,
        BigDecimal minimum, BigDecimal maximum) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** {@code width} of the principal (null: all that is left) at {@code percent}. */
    public record Tier(BigDecimal width, BigDecimal percent) {
    }

    public CollectionCostScale {
        tiers = List.copyOf(tiers);
    }

    /** The costs on a principal; nothing is charged on nothing. */
    public Money costsOn(Money principal) {
        if (!principal.currency().getCurrencyCode().equals(currency)) {
            throw new IllegalArgumentException("The " + country + " scale is in " + currency + ", the principal in "
                    + principal.currency());
        }
        if (principal.amount().signum() <= 0) {
            return Money.of(BigDecimal.ZERO, currency);
        }
        BigDecimal left = principal.amount();
        BigDecimal costs = BigDecimal.ZERO;
        for (Tier tier : tiers) {
            BigDecimal slice = tier.width() == null ? left : left.min(tier.width());
            costs = costs.add(slice.multiply(tier.percent()).divide(HUNDRED));
            left = left.subtract(slice);
            if (left.signum() <= 0) {
                break;
            }
        }
        costs = costs.max(minimum).min(maximum).setScale(2, RoundingMode.HALF_UP);
        return Money.of(costs, currency);
    }
}

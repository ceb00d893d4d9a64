package nl.dunwise.dunning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import nl.dunwise.money.Money;

/**
 * Statutory interest on a sum in default, as art. 6:119 BW (consumers) and 6:119a BW (businesses) prescribe:
 * simple interest within each year of default, a rate change splitting the year, and at the end of each year
 * the interest of that year added to the sum on which interest runs (lid 2 resp. lid 3: compounding yearly).
 *
 * <p>Days are counted actual/365: every day in default earns 1/365 of the yearly rate, also in a year with a
 * 29 February. The law states a rate per year and no day count; 1/365 per day is the count used in Dutch
 * collection practice (not checked against case law), and a day's interest that does not depend on the
 * calendar year is one a debtor can check by hand on the letter. The price: a year of default that holds a
 * 29 February earns one day more than the yearly rate.
 *
 * <p>Each year's interest is rounded to cents (half up) when that year ends, since that is the amount that
 * is added to the sum and then itself earns interest; within a year nothing is rounded.
 */
public final class StatutoryInterest {

    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final InterestRates rates;

    public StatutoryInterest(InterestRates rates) {
        this.rates = rates;
    }

    /**
     * The interest on {@code principal} for every day from {@code firstDayOfDefault} through {@code through},
     * both included; nothing when that period is empty or the principal is not positive.
     *
     * @throws IllegalArgumentException when the rate table of {@code country} and {@code kind} does not reach
     *         back to the first day of default
     */
    public Money interest(Money principal, String country, InterestKind kind, LocalDate firstDayOfDefault,
            LocalDate through) {
        Money total = new Money(BigDecimal.ZERO, principal.currency());
        if (!principal.isPositive() || through.isBefore(firstDayOfDefault)) {
            return total;
        }
        BigDecimal base = principal.amount();
        // Years are counted from the day before the default began, so that a default starting on 29 February
        // has its first year end on 28 February and each later year start on 1 March, never a day short.
        LocalDate dayBefore = firstDayOfDefault.minusDays(1);
        for (int year = 1; dayBefore.plusYears(year - 1).isBefore(through); year++) {
            LocalDate yearStart = dayBefore.plusYears(year - 1).plusDays(1);
            LocalDate yearEnd = min(dayBefore.plusYears(year), through);
            BigDecimal yearInterest = interestWithinYear(base, country, kind, yearStart, yearEnd)
                    .setScale(principal.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP);
            total = total.plus(new Money(yearInterest, principal.currency()));
            base = base.add(yearInterest);
        }
        return total;
    }

    /** Simple interest on {@code base} from {@code from} through {@code to}, each stretch at the rate in force. */
    private BigDecimal interestWithinYear(BigDecimal base, String country, InterestKind kind, LocalDate from,
            LocalDate to) {
        BigDecimal interest = BigDecimal.ZERO;
        LocalDate stretchStart = from;
        while (!stretchStart.isAfter(to)) {
            LocalDate day = stretchStart;
            InterestRate rate = rates.rateOn(country, kind, day).orElseThrow(() -> new IllegalArgumentException(
                    "No " + kind + " interest rate for " + country + " on " + day));
            LocalDate stretchEnd = rates.nextChangeAfter(country, kind, stretchStart)
                    .map(change -> min(change.minusDays(1), to))
                    .orElse(to);
            long days = ChronoUnit.DAYS.between(stretchStart, stretchEnd) + 1;
            interest = interest.add(base.multiply(rate.percent()).multiply(BigDecimal.valueOf(days))
                    .divide(HUNDRED.multiply(DAYS_PER_YEAR), MathContext.DECIMAL128));
            stretchStart = stretchEnd.plusDays(1);
        }
        return interest;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

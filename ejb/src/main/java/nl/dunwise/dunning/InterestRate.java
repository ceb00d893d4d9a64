package nl.dunwise.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A yearly interest rate in percent, in force from {@code effectiveFrom} until the next rate of its country and kind.
 */
public record InterestRate(String country, InterestKind kind, LocalDate effectiveFrom, BigDecimal percent) {
}

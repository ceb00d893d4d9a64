package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Properties;
import nl.dunwise.money.Money;
import org.junit.jupiter.api.Test;

/** Every expected amount is worked out by hand in the comment beside it (actual/365, rounded per year). */
class StatutoryInterestTest {

    private static final Money THOUSAND = eur("1000");

    /** A flat 10% from 2000, so that the arithmetic of the examples stays visible. */
    private final StatutoryInterest flatTen =
            new StatutoryInterest(new InterestRates(InterestRates.parse(tenPercent())));
    private final StatutoryInterest dutch = new StatutoryInterest(InterestRates.standard());

    private static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), "EUR");
    }

    private static Properties tenPercent() {
        Properties p = new Properties();
        p.setProperty("NL.STATUTORY.2000-01-01", "10");
        return p;
    }

    private Money flat(Money principal, String from, String through) {
        return flatTen.interest(principal, "NL", InterestKind.STATUTORY, LocalDate.parse(from),
                LocalDate.parse(through));
    }

    @Test
    void oneFullYearEarnsTheYearlyRate() {
        // 1,000 x 10% x 365/365 = 100.00
        assertEquals(eur("100.00"), flat(THOUSAND, "2025-01-01", "2025-12-31"));
    }

    @Test
    void theInterestOfAYearEarnsInterestFromTheAnniversary() {
        // year 1: 1,000 x 10% = 100.00; year 2: (1,000 + 100) x 10% = 110.00
        assertEquals(eur("210.00"), flat(THOUSAND, "2025-01-01", "2026-12-31"));
    }

    @Test
    void withinAYearNothingIsRoundedUntilTheYearEnds() {
        // 1,000 x 10% x 2/365 = 0.5479 -> 0.55 (a day-by-day rounding would give 0.27 + 0.27 = 0.54)
        assertEquals(eur("0.55"), flat(THOUSAND, "2025-03-01", "2025-03-02"));
    }

    @Test
    void aRateChangeSplitsThePeriod() {
        // handelsrente 12.5% until 30 June 2024, 12.25% from 1 July:
        // 1,000 x 12.5% x 30/365 = 10.2740 + 1,000 x 12.25% x 31/365 = 10.4041 -> 20.68
        assertEquals(eur("20.68"), dutch.interest(THOUSAND, "NL", InterestKind.COMMERCIAL,
                LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 31)));
    }

    @Test
    void aYearOfDefaultCanSpanTwoRateChanges() {
        // wettelijke rente, one year from 1 Nov 2024: 61 days at 7% = 11.6986, 181 days at 6% = 29.7534,
        // 123 days at 4% = 13.4795 -> 54.93
        assertEquals(eur("54.93"), dutch.interest(THOUSAND, "NL", InterestKind.STATUTORY,
                LocalDate.of(2024, 11, 1), LocalDate.of(2025, 10, 31)));
    }

    @Test
    void aLeapYearDayEarnsInterestToo() {
        // 2024 holds 366 days: 1,000 x 7% x 366/365 = 70.19
        assertEquals(eur("70.19"), dutch.interest(THOUSAND, "NL", InterestKind.STATUTORY,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
    }

    @Test
    void aDefaultFromTheLeapDayHasItsFirstYearEndOnTheTwentyEighthOfFebruary() {
        // 29 Feb 2024 through 27 Feb 2025 is 365 days of the first year: 100.00, not yet compounded
        assertEquals(eur("100.00"), flat(THOUSAND, "2024-02-29", "2025-02-27"));
        // through 28 Feb 2025 the first year is complete: 366 days -> 1,000 x 10% x 366/365 = 100.27
        assertEquals(eur("100.27"), flat(THOUSAND, "2024-02-29", "2025-02-28"));
        // 1 Mar 2025 is the first day of the second year: 1,100.27 x 10% / 365 = 0.30 -> 100.57
        assertEquals(eur("100.57"), flat(THOUSAND, "2024-02-29", "2025-03-01"));
    }

    @Test
    void anEmptyOrBackwardPeriodEarnsNothing() {
        assertEquals(eur("0"), flat(THOUSAND, "2025-03-01", "2025-02-28"));
        assertEquals(eur("0"), flat(THOUSAND, "2025-03-01", "2024-03-01"));
    }

    @Test
    void aCreditOrZeroEarnsNothing() {
        assertEquals(eur("0"), flat(eur("0"), "2025-01-01", "2025-12-31"));
        assertEquals(eur("0"), flat(eur("-500"), "2025-01-01", "2025-12-31"));
    }

    @Test
    void aDefaultBeforeTheTableStartsIsAnErrorNotFreeInterest() {
        assertThrows(IllegalArgumentException.class, () -> dutch.interest(THOUSAND, "NL", InterestKind.STATUTORY,
                LocalDate.of(2015, 6, 1), LocalDate.of(2015, 7, 31)));
    }
}

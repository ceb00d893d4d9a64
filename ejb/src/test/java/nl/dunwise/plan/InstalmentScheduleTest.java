package nl.dunwise.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.dunwise.money.Money;
import org.junit.jupiter.api.Test;

/** Equal instalments round down to the cent and the last takes the rest; dates step a month from the first. */
class InstalmentScheduleTest {

    private static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), "EUR");
    }

    private static List<String> lines(InstalmentSchedule schedule) {
        return schedule.instalments().stream().map(s -> s.number() + " " + s.dueDate() + " " + s.amount()).toList();
    }

    @Test
    void theCentsLeftOverGoIntoTheLastInstalment() {
        InstalmentSchedule schedule = InstalmentSchedule.equal(eur("100.00"), 3, LocalDate.of(2026, 12, 1));

        assertEquals(List.of("1 2026-12-01 EUR 33.33", "2 2027-01-01 EUR 33.33", "3 2027-02-01 EUR 33.34"), lines(schedule));
        assertEquals(eur("100.00"), schedule.total());
    }

    @Test
    void aDayTheMonthLacksFallsOnItsLastDayAndTheNextMonthReturnsToTheFirstDay() {
        InstalmentSchedule schedule = InstalmentSchedule.equal(eur("0.05"), 3, LocalDate.of(2027, 1, 31));

        assertEquals(List.of("1 2027-01-31 EUR 0.01", "2 2027-02-28 EUR 0.01", "3 2027-03-31 EUR 0.03"), lines(schedule));
    }

    @Test
    void lessThanACentPerInstalmentIsRefused() {
        PlanRefused refused = assertThrows(PlanRefused.class,
                () -> InstalmentSchedule.equal(eur("0.02"), 3, LocalDate.of(2026, 12, 1)));
        assertEquals("tooSmall", refused.key());
    }

    @Test
    void agreedInstalmentsMustFollowOneAnotherAndBeMoreThanZero() {
        PlanRefused order = assertThrows(PlanRefused.class, () -> InstalmentSchedule.explicit(List.of(
                new InstalmentSchedule.Part(LocalDate.of(2027, 1, 10), new BigDecimal("50")),
                new InstalmentSchedule.Part(LocalDate.of(2027, 1, 10), new BigDecimal("50"))), "EUR"));
        assertEquals("Instalment 2 must fall after the one before it.", order.getMessage());
        assertEquals("Rate 2 muss nach der vorigen Rate liegen.", order.message(Locale.GERMAN));
        PlanRefused zero = assertThrows(PlanRefused.class, () -> InstalmentSchedule.explicit(List.of(
                new InstalmentSchedule.Part(LocalDate.of(2027, 1, 10), BigDecimal.ZERO)), "EUR"));
        assertEquals("Termijn 1 moet meer dan nul zijn.", zero.message(Locale.forLanguageTag("nl")));
        assertEquals("L\u2019\u00e9ch\u00e9ance 1 doit \u00eatre sup\u00e9rieure \u00e0 z\u00e9ro.", zero.message(Locale.FRENCH));
    }

    @Test
    void noInstalmentsOrMoreThanSixtyIsNoPlan() {
        assertEquals("count", assertThrows(PlanRefused.class,
                () -> InstalmentSchedule.equal(eur("100.00"), 0, LocalDate.of(2026, 12, 1))).key());
        assertEquals("count", assertThrows(PlanRefused.class,
                () -> InstalmentSchedule.equal(eur("10000.00"), 61, LocalDate.of(2026, 12, 1))).key());
    }
}

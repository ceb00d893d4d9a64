package nl.dunwise.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.dunwise.money.Money;
import org.junit.jupiter.api.Test;

/** The policy's edges: what it allows is approved at once, one step past any rule sends the plan to a collector. */
class PaymentPlanPolicyTest {

    static final PaymentPlanPolicy POLICY = new PaymentPlanPolicy(6, new BigDecimal("50.00"), 6, 40, 14);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static InstalmentSchedule equal(String total, int count, LocalDate first) {
        return InstalmentSchedule.equal(Money.of(new BigDecimal(total), "EUR"), count, first);
    }

    @Test
    void sixInstalmentsOfFiftyEndingSixMonthsOutForADebtorScoredFortyIsApprovedAtOnce() {
        assertEquals(List.of(), POLICY.breaches(equal("300.00", 6, TODAY.plusMonths(1)), 40, TODAY));
    }

    @Test
    void oneStepPastEachRuleNamesThatRule() {
        assertEquals(List.of(PolicyBreach.TOO_MANY_INSTALMENTS), POLICY.breaches(equal("700.00", 7, TODAY), 90, TODAY));
        assertEquals(List.of(PolicyBreach.INSTALMENT_TOO_SMALL), POLICY.breaches(equal("299.99", 6, TODAY), 90, TODAY),
                "299.99 in six leaves 49.99 per instalment");
        assertEquals(List.of(PolicyBreach.LAST_INSTALMENT_TOO_LATE),
                POLICY.breaches(equal("300.00", 6, TODAY.plusMonths(1).plusDays(1)), 90, TODAY));
        assertEquals(List.of(PolicyBreach.SCORE_TOO_LOW), POLICY.breaches(equal("300.00", 3, TODAY), 39, TODAY));
        assertEquals(List.of(PolicyBreach.NOT_SCORED), POLICY.breaches(equal("300.00", 3, TODAY), null, TODAY));
    }

    @Test
    void aCollectorReadsWhyInTheirLanguageWithThePolicysFigure() {
        assertEquals("more than 6 instalments", POLICY.explain(PolicyBreach.TOO_MANY_INSTALMENTS, Locale.ENGLISH));
        assertEquals("een termijn onder 50", POLICY.explain(PolicyBreach.INSTALMENT_TOO_SMALL, Locale.forLanguageTag("nl")));
        assertEquals("die letzte Rate in mehr als 6 Monaten",
                POLICY.explain(PolicyBreach.LAST_INSTALMENT_TOO_LATE, Locale.GERMAN));
    }

    @Test
    void aPolicyThatAllowsNoInstalmentIsRefusedWithTheSettingsToFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PaymentPlanPolicy(0, new BigDecimal("50.00"), 6, 40, 14));
        assertEquals(true, e.getMessage().contains("dunwise.plan."), e.getMessage());
    }
}

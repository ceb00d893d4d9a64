package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Properties;
import nl.dunwise.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectionCostsPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final CollectionCostsPolicy policy = CollectionCostsPolicy.standard();

    private static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), "EUR");
    }

    /** The examples of the Besluit's scale (domain.md), the cumulative tiers and the bounds. */
    @ParameterizedTest(name = "EUR {0} -> EUR {1}")
    @CsvSource({
        "200, 40.00",
        "266.66, 40.00",
        "300, 45.00",
        "1000, 150.00",
        "2500, 375.00",
        "3000, 425.00",
        "5000, 625.00",
        "10000, 875.00",
        "200000, 2775.00",
        "1000000, 6775.00",
        "2000000, 6775.00"
    })
    void theDutchScaleGivesTheStatutoryAmounts(String principal, String costs) {
        assertEquals(eur(costs), policy.costsOn("NL", eur(principal), TODAY));
    }

    @Test
    void nothingIsChargedOnNothing() {
        assertEquals(eur("0"), policy.costsOn("NL", eur("0"), TODAY));
        assertEquals(eur("0"), policy.costsOn("NL", eur("-50"), TODAY));
    }

    @Test
    void aClaimIsCostedByTheScaleInForceOnTheDay() {
        Properties p = new Properties();
        p.setProperty("NL.2012-07-01.currency", "EUR");
        p.setProperty("NL.2012-07-01.tiers", "2500:15,*:10");
        p.setProperty("NL.2012-07-01.minimum", "40");
        p.setProperty("NL.2012-07-01.maximum", "6775");
        p.setProperty("NL.2027-01-01.currency", "EUR");
        p.setProperty("NL.2027-01-01.tiers", "*:20");
        p.setProperty("NL.2027-01-01.minimum", "50");
        p.setProperty("NL.2027-01-01.maximum", "7000");
        CollectionCostsPolicy dated = new CollectionCostsPolicy(CollectionCostsPolicy.parse(p));
        assertEquals(eur("150.00"), dated.costsOn("NL", eur("1000"), LocalDate.of(2026, 12, 31)));
        assertEquals(eur("200.00"), dated.costsOn("NL", eur("1000"), LocalDate.of(2027, 1, 1)));
        assertTrue(dated.scale("NL", LocalDate.of(2012, 6, 30)).isEmpty(), "no scale before the first one");
    }

    @Test
    void aCountryWithoutAScaleIsAnErrorNotZeroCosts() {
        assertThrows(IllegalArgumentException.class, () -> policy.costsOn("BE", eur("1000"), TODAY));
        assertThrows(IllegalArgumentException.class, () -> policy.costsOn("NL", Money.of(BigDecimal.TEN, "USD"), TODAY));
    }
}

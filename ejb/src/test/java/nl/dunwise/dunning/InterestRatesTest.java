package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterestRatesTest {

    private final InterestRates rates = InterestRates.standard();

    @ParameterizedTest(name = "{0} on {1}: {2}%")
    @CsvSource({
        "STATUTORY, 2015-07-01, 2",
        "STATUTORY, 2022-12-31, 2",
        "STATUTORY, 2023-01-01, 4",
        "STATUTORY, 2024-12-31, 7",
        "STATUTORY, 2025-06-30, 6",
        "STATUTORY, 2025-07-01, 4",
        "COMMERCIAL, 2016-06-30, 8.05",
        "COMMERCIAL, 2016-07-01, 8",
        "COMMERCIAL, 2024-06-30, 12.5",
        "COMMERCIAL, 2024-07-01, 12.25",
        "COMMERCIAL, 2025-01-01, 11.15",
        "COMMERCIAL, 2026-11-25, 10.15"
    })
    void aRateAppliesFromItsDateUntilTheNextOne(InterestKind kind, LocalDate day, BigDecimal percent) {
        assertEquals(0, percent.compareTo(rates.rateOn("NL", kind, day).orElseThrow().percent()));
    }

    @Test
    void thereIsNoRateBeforeTheTableStarts() {
        assertTrue(rates.rateOn("NL", InterestKind.STATUTORY, LocalDate.of(2015, 6, 30)).isEmpty());
        assertTrue(rates.rateOn("BE", InterestKind.STATUTORY, LocalDate.of(2026, 1, 1)).isEmpty());
    }

    @Test
    void everyDutchRateStartsOnTheFirstOfJanuaryOrJuly() {
        for (InterestRate rate : InterestRates.parse(standardTable())) {
            MonthDay start = MonthDay.from(rate.effectiveFrom());
            assertTrue(start.equals(MonthDay.of(1, 1)) || start.equals(MonthDay.of(7, 1)), rate::toString);
        }
    }

    @Test
    void aMistypedRowStopsTheLoadInsteadOfChargingAWrongRate() {
        assertThrows(IllegalStateException.class, () -> InterestRates.parse(table("NL.STATUTORY", "4")));
        assertThrows(IllegalStateException.class, () -> InterestRates.parse(table("NL.LEGAL.2025-01-01", "4")));
        assertThrows(IllegalStateException.class, () -> InterestRates.parse(table("NL.STATUTORY.2025-13-01", "4")));
        assertThrows(IllegalStateException.class, () -> InterestRates.parse(table("NL.STATUTORY.2025-01-01", "4,5")));
        assertThrows(IllegalStateException.class, () -> InterestRates.parse(table("NL.STATUTORY.2025-01-01", "-1")));
    }

    private static Properties table(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }

    private static Properties standardTable() {
        Properties p = new Properties();
        try (InputStream in = InterestRates.class.getResourceAsStream("interest-rates.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}

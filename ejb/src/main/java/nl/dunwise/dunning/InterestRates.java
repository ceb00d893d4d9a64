package nl.dunwise.dunning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The statutory interest rates of each country and kind, read from the dated table in interest-rates.properties:
 * a new rate is a new row, never a code change. The table is checked when it is loaded, so that a typing error
 * stops the deployment instead of costing a debtor the wrong interest.
 */
public final class InterestRates {

    private final List<InterestRate> rates;

    InterestRates(List<InterestRate> rates) {
        this.rates = rates.stream()
                .sorted(Comparator.comparing(InterestRate::effectiveFrom).reversed())
                .toList();
    }

    public static InterestRates standard() {
        Properties p = new Properties();
        try (InputStream in = InterestRates.class.getResourceAsStream("interest-rates.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InterestRates(parse(p));
    }

    static List<InterestRate> parse(Properties p) {
        List<InterestRate> result = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            String[] parts = key.split("\\.");
            if (parts.length != 3) {
                throw new IllegalStateException(
                        "interest-rates.properties: " + key + " is not COUNTRY.KIND.start-date");
            }
            try {
                BigDecimal percent = new BigDecimal(p.getProperty(key).trim());
                if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new IllegalStateException("interest-rates.properties: " + key + " is not a percentage");
                }
                result.add(new InterestRate(parts[0].toUpperCase(Locale.ROOT), InterestKind.valueOf(parts[1]),
                        LocalDate.parse(parts[2]), percent));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalStateException(
                        "interest-rates.properties: cannot read " + key + "=" + p.getProperty(key), e);
            }
        }
        return result;
    }

    /** The rate of {@code country} and {@code kind} in force on {@code day}, if the table reaches back that far. */
    public Optional<InterestRate> rateOn(String country, InterestKind kind, LocalDate day) {
        return rates.stream()
                .filter(r -> r.country().equalsIgnoreCase(country) && r.kind() == kind)
                .filter(r -> !r.effectiveFrom().isAfter(day))
                .findFirst();
    }

    /** The first day after {@code day} on which another row of {@code country} and {@code kind} takes over. */
    Optional<LocalDate> nextChangeAfter(String country, InterestKind kind, LocalDate day) {
        return rates.stream()
                .filter(r -> r.country().equalsIgnoreCase(country) && r.kind() == kind)
                .filter(r -> r.effectiveFrom().isAfter(day))
                .map(InterestRate::effectiveFrom)
                .min(Comparator.naturalOrder());
    }
}

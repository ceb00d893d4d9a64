package nl.dunwise.dunning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import nl.dunwise.money.Money;

/**
 * The collection-cost rules of each country, read from the dated scales in collection-costs.properties:
 * the law changes by a new dated scale, not by a code change, and a claim is costed by the scale in force
 * on the day the costs become due.
 */
public final class CollectionCostsPolicy {

    private final List<CollectionCostScale> scales;

    CollectionCostsPolicy(List<CollectionCostScale> scales) {
        this.scales = scales.stream()
                .sorted(Comparator.comparing(CollectionCostScale::effectiveFrom).reversed())
                .toList();
    }

    public static CollectionCostsPolicy standard() {
        Properties p = new Properties();
        try (InputStream in = CollectionCostsPolicy.class.getResourceAsStream("collection-costs.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CollectionCostsPolicy(parse(p));
    }

    static List<CollectionCostScale> parse(Properties p) {
        Set<String> keys = new TreeSet<>();
        for (String name : p.stringPropertyNames()) {
            int last = name.lastIndexOf('.');
            keys.add(name.substring(0, last));
        }
        List<CollectionCostScale> result = new ArrayList<>();
        for (String key : keys) {
            String[] parts = key.split("\\.", 2);
            List<CollectionCostScale.Tier> tiers = new ArrayList<>();
            for (String tier : required(p, key + ".tiers").split(",")) {
                String[] widthAndPercent = tier.trim().split(":");
                tiers.add(new CollectionCostScale.Tier(
                        "*".equals(widthAndPercent[0]) ? null : new BigDecimal(widthAndPercent[0]),
                        new BigDecimal(widthAndPercent[1])));
            }
            result.add(new CollectionCostScale(parts[0], LocalDate.parse(parts[1]), required(p, key + ".currency"), tiers,
                    new BigDecimal(required(p, key + ".minimum")), new BigDecimal(required(p, key + ".maximum"))));
        }
        return result;
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("collection-costs.properties lacks " + key);
        }
        return value.trim();
    }

    /** The scale of {@code country} in force on {@code day}, if that country has one. */
    public Optional<CollectionCostScale> scale(String country, LocalDate day) {
        return scales.stream()
                .filter(s -> s.country().equalsIgnoreCase(country) && !s.effectiveFrom().isAfter(day))
                .findFirst();
    }

    public Money costsOn(String country, Money principal, LocalDate day) {
        return scale(country, day)
                .orElseThrow(() -> new IllegalArgumentException("No collection-cost scale for " + country + " on " + day))
                .costsOn(principal);
    }
}

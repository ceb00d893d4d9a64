package nl.dunwise.sandbox.exact.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private static DemoData generate(long seed, int debtors, int invoices) {
        return DemoDataGenerator.generate(new DemoDataGenerator.Settings(seed, debtors, invoices, 3124567, TODAY));
    }

    private static final DemoData DEFAULT = generate(42, 200, 2000);

    private static long overdue(DemoData.Term t) {
        return ChronoUnit.DAYS.between(t.dueDate(), TODAY);
    }

    @Test
    void sameSeedSameData() {
        assertEquals(DEFAULT, generate(42, 200, 2000));
        assertNotEquals(DEFAULT.accounts(), generate(43, 200, 2000).accounts());
    }

    @Test
    void divisionAndUser() {
        assertEquals(3124567, DEFAULT.division().code());
        assertEquals("Demo Groothandel B.V.", DEFAULT.division().description());
        assertEquals("EUR", DEFAULT.division().currency());
        assertEquals("NL", DEFAULT.division().country());
        assertEquals(TODAY, DEFAULT.division().generatedOn());
        assertEquals("demo@dunwise.example", DEFAULT.user().username());
        assertEquals("demo", DEFAULT.user().password());
    }

    @Test
    void sizesAndSequentialCodesFrom1000() {
        assertEquals(200, DEFAULT.accounts().size());
        assertEquals(2000, DEFAULT.terms().size());
        for (int i = 0; i < 200; i++) {
            assertEquals(String.valueOf(1000 + i), DEFAULT.accounts().get(i).code());
        }
    }

    @Test
    void accountsLookReal() {
        Set<String> names = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (DemoData.Account a : DEFAULT.accounts()) {
            assertTrue(names.add(a.name()), "unique name " + a.name());
            if (a.email() != null) {
                assertTrue(a.email().matches("[a-z]+@[a-z0-9-]+\\.example"), a.email());
                assertTrue(emails.add(a.email()), "unique email " + a.email());
            }
            assertTrue(Set.of("NL", "BE", "DE").contains(a.country()));
            assertTrue(Set.of("NL", "EN", "DE", "FR").contains(a.language()));
            if (a.country().equals("NL")) {
                assertTrue(a.postcode().matches("\\d{4} [A-Z]{2}"), a.postcode());
            }
            assertEquals(2, a.creditLineSales().scale());
        }
        Map<String, Long> languages = DEFAULT.accounts().stream()
                .collect(Collectors.groupingBy(DemoData.Account::language, Collectors.counting()));
        assertTrue(languages.get("NL") > 120, "mostly Dutch: " + languages);
        assertTrue(languages.keySet().containsAll(List.of("EN", "DE", "FR")), "some EN/DE/FR: " + languages);
        Set<PaymentProfile> profiles = DEFAULT.accounts().stream().map(DemoData.Account::profile).collect(Collectors.toSet());
        assertEquals(Set.of(PaymentProfile.values()), profiles);
    }

    @Test
    void everyStateOfAnOpenItemIsPresent() {
        List<DemoData.Term> terms = DEFAULT.terms();
        assertPresent(terms, t -> overdue(t) <= 0 && !t.creditNote(), "not yet due");
        assertPresent(terms, t -> overdue(t) >= 1 && overdue(t) <= 30, "1-30");
        assertPresent(terms, t -> overdue(t) >= 31 && overdue(t) <= 60, "31-60");
        assertPresent(terms, t -> overdue(t) >= 61 && overdue(t) <= 90, "61-90");
        assertPresent(terms, t -> overdue(t) > 90, ">90");
        assertPresent(terms, DemoData.Term::partPaid, "part-paid");
        assertPresent(terms, DemoData.Term::creditNote, "credit note");
        for (DemoData.Term t : terms) {
            assertEquals(2, t.invoiceAmount().scale());
            assertEquals(2, t.openAmount().scale());
            assertTrue(!t.invoiceDate().isAfter(TODAY));
            if (t.creditNote()) {
                assertTrue(t.invoiceAmount().signum() < 0 && t.openAmount().equals(t.invoiceAmount()));
            } else {
                assertTrue(t.openAmount().signum() > 0);
                assertTrue(t.openAmount().compareTo(t.invoiceAmount()) <= 0);
            }
            if (t.partPaid()) {
                assertTrue(t.lastPaymentDate() != null && !t.lastPaymentDate().isAfter(TODAY));
            }
        }
    }

    @Test
    void demoDebtor1000HasSeveralOverdueItemsInEveryState() {
        UUID id = DEFAULT.accounts().get(0).id();
        assertEquals("1000", DEFAULT.accounts().get(0).code());
        assertTrue(DEFAULT.accounts().get(0).email() != null);
        List<DemoData.Term> mine = DEFAULT.terms().stream().filter(t -> t.accountId().equals(id)).toList();
        assertTrue(mine.stream().filter(t -> overdue(t) > 0 && !t.creditNote()).count() >= 4);
        assertPresent(mine, t -> overdue(t) <= 0, "not due");
        assertPresent(mine, t -> overdue(t) > 90, ">90");
        assertPresent(mine, DemoData.Term::partPaid, "part-paid");
        assertPresent(mine, DemoData.Term::creditNote, "credit");
        // Also with tiny settings.
        DemoData tiny = generate(7, 1, 3);
        assertEquals(3, tiny.terms().size());
        assertTrue(tiny.terms().stream().allMatch(t -> t.accountId().equals(tiny.accounts().get(0).id())));
    }

    @Test
    void invoiceNumbersSequentialPerYearInDateOrder() {
        List<DemoData.Term> terms = DEFAULT.terms();
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            DemoData.Term t = terms.get(i);
            assertTrue(numbers.add(t.invoiceNumber()));
            assertEquals(t.invoiceDate().getYear(), t.invoiceNumber() / 10000, "yyyyNNNN: " + t.invoiceNumber());
            if (i > 0) {
                assertTrue(!t.invoiceDate().isBefore(terms.get(i - 1).invoiceDate()));
            }
        }
        assertTrue(numbers.contains(2026 * 10000 + 1));
    }

    @Test
    void amountsAreBelievable() {
        BigDecimal total = DEFAULT.terms().stream().map(DemoData.Term::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(total.compareTo(BigDecimal.valueOf(500_000)) > 0, "total " + total);
    }

    @Test
    void slugs() {
        assertEquals("jansen-transport", DemoDataGenerator.slug("Jansen Transport B.V."));
        assertEquals("muller-sohne", DemoDataGenerator.slug("Müller & Söhne KG"));
        assertEquals("electricite-dubois", DemoDataGenerator.slug("Électricité Dubois SA"));
    }

    @Test
    void refusesNoDebtors() {
        assertThrows(IllegalArgumentException.class, () -> generate(1, 0, 10));
    }

    private static void assertPresent(List<DemoData.Term> terms, Predicate<DemoData.Term> p, String what) {
        assertTrue(terms.stream().anyMatch(p), "no open item that is " + what);
    }
}

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
        Set<Integer> numbers = new HashSet<>();
        for (List<DemoData.Term> terms : List.of(DEFAULT.terms(), DEFAULT.paidTerms())) {
            for (int i = 0; i < terms.size(); i++) {
                DemoData.Term t = terms.get(i);
                assertTrue(numbers.add(t.invoiceNumber()), "open and paid invoices share one numbering");
                assertEquals(t.invoiceDate().getYear(), t.invoiceNumber() / 10000, "yyyyNNNN: " + t.invoiceNumber());
                if (i > 0) {
                    assertTrue(!t.invoiceDate().isBefore(terms.get(i - 1).invoiceDate()));
                }
            }
        }
        // Numbers run without gaps per year, over open and paid together, in date order.
        Map<Integer, List<DemoData.Term>> byYear = java.util.stream.Stream.concat(DEFAULT.terms().stream(),
                DEFAULT.paidTerms().stream()).collect(Collectors.groupingBy(t -> t.invoiceDate().getYear()));
        byYear.forEach((year, terms) -> {
            List<DemoData.Term> sorted = terms.stream().sorted(java.util.Comparator.comparing(DemoData.Term::invoiceNumber)).toList();
            for (int i = 0; i < sorted.size(); i++) {
                assertEquals(year * 10000 + i + 1, sorted.get(i).invoiceNumber());
                if (i > 0) {
                    assertTrue(!sorted.get(i).invoiceDate().isBefore(sorted.get(i - 1).invoiceDate()));
                }
            }
        });
    }

    @Test
    void amountsAreBelievable() {
        BigDecimal total = DEFAULT.terms().stream().map(DemoData.Term::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(total.compareTo(BigDecimal.valueOf(500_000)) > 0, "total " + total);
    }

    @Test
    void aYearOfPaidInvoicesFollowsEachDebtorsProfile() {
        Map<UUID, DemoData.Account> accounts = DEFAULT.accounts().stream()
                .collect(Collectors.toMap(DemoData.Account::id, a -> a));
        Map<Integer, List<DemoData.Line>> linesByInvoice = DEFAULT.lines().stream()
                .collect(Collectors.groupingBy(DemoData.Line::invoiceNumber));
        Map<PaymentProfile, List<Long>> daysLate = new java.util.EnumMap<>(PaymentProfile.class);
        int instalments = 0;
        for (DemoData.Term t : DEFAULT.paidTerms()) {
            DemoData.Account a = accounts.get(t.accountId());
            assertTrue(t.paid() && !t.partPaid() && !t.creditNote());
            assertEquals(BigDecimal.ZERO.setScale(2), t.openAmount());
            assertTrue(t.invoiceAmount().signum() > 0);
            assertEquals(t.invoiceDate().plusDays(a.paymentDays()), t.dueDate());
            assertTrue(t.lastPaymentDate().isAfter(TODAY.minusYears(1)) && t.lastPaymentDate().isBefore(TODAY),
                    "paid within the past year: " + t.lastPaymentDate());
            assertTrue(!t.invoiceDate().isBefore(a.created().atZone(java.time.ZoneOffset.UTC).toLocalDate()),
                    "not invoiced before the debtor existed");

            // As Exact shows it: the sales line for the full amount, receipts naming the invoice, adding up to zero.
            List<DemoData.Line> lines = linesByInvoice.get(t.invoiceNumber());
            List<DemoData.Line> sales = lines.stream().filter(l -> l.type() == DemoDataGenerator.TYPE_SALES_ENTRY).toList();
            List<DemoData.Line> receipts = lines.stream().filter(l -> l.type() == DemoDataGenerator.TYPE_CASH_OR_BANK).toList();
            assertEquals(1, sales.size());
            assertEquals(t.invoiceAmount(), sales.get(0).amount());
            assertEquals(DemoDataGenerator.SALES_JOURNAL, sales.get(0).journalCode());
            assertTrue(receipts.size() == 1 || receipts.size() == 2, "paid at once or in two instalments");
            assertEquals(0, lines.stream().map(DemoData.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add).signum(),
                    "a paid invoice's lines add up to nothing open");
            for (DemoData.Line r : receipts) {
                assertTrue(r.amount().signum() < 0 && r.accountId().equals(t.accountId()));
                assertEquals(DemoDataGenerator.BANK_JOURNAL, r.journalCode());
                assertTrue(r.date().isAfter(t.invoiceDate()) && !r.date().isAfter(t.lastPaymentDate()));
            }
            assertEquals(t.lastPaymentDate(), receipts.stream().map(DemoData.Line::date).max(LocalDate::compareTo).get(),
                    "the last receipt settles it");
            instalments += receipts.size() - 1;
            daysLate.computeIfAbsent(a.profile(), p -> new java.util.ArrayList<>())
                    .add(ChronoUnit.DAYS.between(t.dueDate(), t.lastPaymentDate()));
        }

        assertTrue(instalments > 20, "some invoices were paid in instalments: " + instalments);
        assertTrue(DEFAULT.paidTerms().size() > 1000, "a year's worth: " + DEFAULT.paidTerms().size());
        for (PaymentProfile p : PaymentProfile.values()) {
            List<Long> days = daysLate.get(p);
            double onTime = days.stream().filter(d -> d <= 0).count() / (double) days.size();
            double lateAverage = days.stream().filter(d -> d > 0).mapToLong(Long::longValue).average().orElse(0);
            String shape = p + ": " + Math.round(onTime * 100) + "% on time, late ones avg " + Math.round(lateAverage) + " days";
            switch (p) {
                case GOOD -> assertTrue(onTime > 0.8 && lateAverage <= 7, shape);
                case AVERAGE -> assertTrue(onTime > 0.4 && onTime < 0.75 && lateAverage < 25, shape);
                case LATE -> assertTrue(onTime < 0.3 && lateAverage >= 20 && lateAverage <= 60, shape);
                case VERY_LATE -> assertTrue(onTime < 0.1 && lateAverage > 30, shape);
            }
            assertTrue(days.stream().allMatch(d -> d >= -20 && d <= 120), shape + ": " + days);
        }
        long slowInRange = daysLate.get(PaymentProfile.LATE).stream().filter(d -> d > 0).filter(d -> d >= 20 && d <= 60).count();
        assertEquals(daysLate.get(PaymentProfile.LATE).stream().filter(d -> d > 0).count(), slowInRange,
                "slow payers pay 20 to 60 days late");

        Map<UUID, Long> paidPerDebtor = DEFAULT.paidTerms().stream()
                .collect(Collectors.groupingBy(DemoData.Term::accountId, Collectors.counting()));
        assertEquals(200, paidPerDebtor.size(), "every debtor has a history to score");
        assertTrue(paidPerDebtor.values().stream().allMatch(n -> n >= 6 && n <= 28), "6 to 28 a year: " + paidPerDebtor.values());
        assertEquals(DEFAULT.paidTerms(), generate(42, 200, 2000).paidTerms(), "deterministic by seed");
    }

    @Test
    void paidHistoryLeavesTheOpenItemsAsTheyWere() {
        DemoData none = generate(42, 200, 0);
        assertEquals(0, none.terms().size(), "sandbox.exact.invoices still counts open items only");
        assertTrue(none.paidTerms().size() > 1000);
        for (DemoData.Term t : DEFAULT.terms()) {
            if (!t.partPaid()) {
                assertTrue(DEFAULT.lines().stream().filter(l -> l.invoiceNumber() == t.invoiceNumber()).count() == 1,
                        "an unpaid item has its sales line only");
            }
        }
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

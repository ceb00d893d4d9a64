package nl.dunwise.sandbox.exact.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import nl.dunwise.sandbox.exact.seed.NamePools.City;

/**
 * Generates the demo division from a seed. Everything random comes from one {@link Random} in a fixed
 * order, so the output depends only on the settings and the day (dates are relative to it, then stored
 * as absolute dates; a restart on a later day keeps the stored data and the items simply age).
 *
 * <p>Debtor 1000 is the demo portal user's company; it always gets a fixed set of items that covers
 * every state (not due, each overdue bucket, part-paid, a credit note), so a demo never lands on an
 * empty or dull debtor whatever the seed.
 *
 * <p>Besides the open items every debtor gets a year of invoices paid in full, as many as its purchase
 * volume suggests and paid as its {@link PaymentProfile} says, so that Dunwise's payment-behaviour score
 * has a history to judge. Their invoice numbers interleave with those of the open items.
 */
public final class DemoDataGenerator {

    public static final String DEMO_USERNAME = "demo@dunwise.example";
    public static final String DEMO_PASSWORD = "demo";
    public static final int FIRST_DEBTOR_CODE = 1000;

    /** Overdue days of the fixed items of debtor 1000: not due, 1-30, 31-60, 61-90, >90, part-paid, credit. */
    static final int[] DEMO_DEBTOR_DAYS_OVERDUE = {-10, 12, 44, 75, 130, 23, 35};

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Journals and transaction types of Exact: 70 the sales journal, 20 the bank journal. */
    public static final String SALES_JOURNAL = "70";
    public static final String BANK_JOURNAL = "20";
    public static final int TYPE_SALES_ENTRY = 20;
    public static final int TYPE_SALES_CREDIT_NOTE = 21;
    public static final int TYPE_CASH_OR_BANK = 40;

    /** What to generate. */
    public record Settings(long seed, int debtors, int invoices, int divisionCode, LocalDate today) {
        public Settings {
            if (debtors < 1) {
                throw new IllegalArgumentException("at least one debtor is needed (debtor 1000 is the demo user's)");
            }
            if (invoices < 0) {
                throw new IllegalArgumentException("invoices must not be negative");
            }
        }
    }

    private final Settings settings;
    private final Random random;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedSlugs = new HashSet<>();
    /** How much each debtor buys, relative to the others (1..12), by account index. */
    private int[] purchaseWeights;
    /** The payments on each term that has any, by term ID, oldest first. */
    private final Map<UUID, List<Receipt>> receipts = new HashMap<>();

    /** One payment of (part of) an item, booked at {@code booked}. */
    private record Receipt(LocalDate date, BigDecimal amount, Instant booked) {
    }

    private DemoDataGenerator(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    public static DemoData generate(Settings settings) {
        return new DemoDataGenerator(settings).run();
    }

    private DemoData run() {
        LocalDate today = settings.today();
        DemoData.Division division = new DemoData.Division(settings.divisionCode(), "Demo Groothandel B.V.",
                settings.divisionCode(), "EUR", "NL", 1, settings.seed(), today,
                today.minusYears(6).atStartOfDay(ZoneOffset.UTC).toInstant());
        DemoData.User user = new DemoData.User(uuid(), DEMO_USERNAME, DEMO_PASSWORD, "Demo Gebruiker (sandbox)",
                DEMO_USERNAME, "nl-NL");

        List<DemoData.Account> accounts = new ArrayList<>();
        for (int i = 0; i < settings.debtors(); i++) {
            accounts.add(account(i));
        }
        List<DemoData.Term> open = terms(accounts);
        // Drawn after everything else, so that adding them left the accounts and items of a seed unchanged.
        List<DemoData.Contact> contacts = contacts(accounts);
        List<DemoData.Term> paid = history(accounts);
        List<DemoData.Term> all = new ArrayList<>(open);
        all.addAll(paid);
        List<DemoData.Term> numbered = number(all);
        List<DemoData.Line> lines = lines(numbered);
        return new DemoData(division, user, List.copyOf(accounts),
                numbered.stream().filter(t -> !t.paid()).toList(), numbered.stream().filter(DemoData.Term::paid).toList(),
                contacts, lines);
    }

    // ---------------------------------------------------------------- accounts

    private DemoData.Account account(int index) {
        String code = String.valueOf(FIRST_DEBTOR_CODE + index);
        boolean demoDebtor = index == 0;
        PaymentProfile profile = demoDebtor ? PaymentProfile.LATE : PaymentProfile.pick(random);
        int countryRoll = random.nextInt(100);
        String country = demoDebtor || countryRoll < 75 ? "NL" : countryRoll < 90 ? "BE" : "DE";
        City city;
        String name;
        String street;
        String language;
        switch (country) {
            case "BE": {
                city = pick(NamePools.BE_CITIES);
                language = city.language();
                if (language.equals("FR")) {
                    name = uniqueName(() -> pick(NamePools.FR_TRADES) + " " + pick(NamePools.BE_SURNAMES_FR)
                            + (random.nextBoolean() ? " SRL" : " SA"));
                    street = pick(NamePools.BE_STREETS_FR);
                } else {
                    name = uniqueName(() -> pick(NamePools.BE_SURNAMES_NL) + " " + pick(NamePools.NL_TRADES)
                            + (random.nextBoolean() ? " BV" : " NV"));
                    street = pick(NamePools.BE_STREETS_NL);
                }
                break;
            }
            case "DE": {
                city = pick(NamePools.DE_CITIES);
                language = random.nextInt(100) < 85 ? "DE" : "EN";
                name = uniqueName(this::germanName);
                street = pick(NamePools.DE_STREETS);
                break;
            }
            default: {
                city = pick(NamePools.NL_CITIES);
                language = demoDebtor || random.nextInt(100) < 92 ? "NL" : "EN";
                name = uniqueName(() -> dutchName(city));
                street = pick(NamePools.NL_STREETS);
            }
        }
        String postcode = postcode(country, city);
        String address = country.equals("BE") && language.equals("FR")
                ? (1 + random.nextInt(180)) + " " + street
                : street + " " + (1 + random.nextInt(180)) + (random.nextInt(10) == 0 ? "a" : "");
        String phone = phone(country, city);
        String email = random.nextInt(100) < 2 && !demoDebtor ? null : email(name, language);
        int conditionRoll = random.nextInt(100);
        int paymentDays = conditionRoll < 70 ? 30 : conditionRoll < 90 ? 14 : 60;
        BigDecimal creditLine = creditLine(profile);
        boolean blocked = profile == PaymentProfile.VERY_LATE && random.nextInt(100) < 30;
        Instant created = settings.today().minusDays(200 + random.nextInt(2300)).atStartOfDay(ZoneOffset.UTC)
                .toInstant().plusSeconds(8 * 3600 + random.nextInt(9 * 3600));
        Instant modified = created.plusSeconds((long) random.nextInt(150) * 86400 + random.nextInt(36000));
        return new DemoData.Account(uuid(), code, name, email, phone, language, country, city.name(), postcode,
                address, blocked, creditLine, String.valueOf(paymentDays), paymentDays, profile, created, modified);
    }

    private String dutchName(City city) {
        switch (random.nextInt(6)) {
            case 0: return pick(NamePools.NL_SURNAMES) + " " + pick(NamePools.NL_TRADES) + " B.V.";
            case 1: return pick(NamePools.NL_TRADES) + " " + pick(NamePools.NL_SURNAMES) + " V.O.F.";
            case 2: return pick(NamePools.NL_INVENTED) + " " + pick(NamePools.NL_TRADES) + " B.V.";
            case 3: return pick(NamePools.NL_SURNAMES) + " & Zn. B.V.";
            case 4: return pick(NamePools.NL_TRADES) + " " + city.name();
            default: return pick(NamePools.NL_INVENTED) + " Holding B.V.";
        }
    }

    private String germanName() {
        switch (random.nextInt(4)) {
            case 0: return pick(NamePools.DE_SURNAMES) + " " + pick(NamePools.DE_TRADES) + " GmbH";
            case 1: return pick(NamePools.DE_SURNAMES) + " & Söhne KG";
            case 2: return pick(NamePools.DE_TRADES) + " " + pick(NamePools.DE_SURNAMES) + " e.K.";
            default: return pick(NamePools.DE_SURNAMES) + " " + pick(NamePools.DE_TRADES) + " GmbH & Co. KG";
        }
    }

    private String uniqueName(java.util.function.Supplier<String> maker) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String n = maker.get();
            if (usedNames.add(n)) {
                return n;
            }
        }
        // Small pools run out with many debtors; a branch suffix keeps names unique and plausible.
        String base = maker.get();
        for (int branch = 2; ; branch++) {
            String n = base + " (vestiging " + branch + ")";
            if (usedNames.add(n)) {
                return n;
            }
        }
    }

    private String postcode(String country, City city) {
        switch (country) {
            case "NL": {
                String letters;
                do {
                    letters = "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
                } while (letters.equals("SA") || letters.equals("SD") || letters.equals("SS"));
                return city.postcodeBase() + String.format(Locale.ROOT, "%02d", 10 + random.nextInt(90)) + " " + letters;
            }
            case "BE":
                return city.postcodeBase();
            default:
                return city.postcodeBase() + String.format(Locale.ROOT, "%03d", random.nextInt(1000));
        }
    }

    private String phone(String country, City city) {
        int subscriberDigits = Math.max(6, 9 - city.phoneArea().length());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < subscriberDigits; i++) {
            sb.append(i == 0 ? 1 + random.nextInt(9) : random.nextInt(10));
        }
        String prefix = country.equals("NL") ? "+31" : country.equals("BE") ? "+32" : "+49";
        return prefix + " " + city.phoneArea() + " " + sb;
    }

    private String email(String name, String language) {
        String slug = slug(name);
        String unique = slug;
        for (int n = 2; !usedSlugs.add(unique); n++) {
            unique = slug + "-" + n;
        }
        String local;
        switch (language) {
            case "DE": local = random.nextInt(4) == 0 ? "rechnungen" : "buchhaltung"; break;
            case "FR": local = "comptabilite"; break;
            case "EN": local = "accounts"; break;
            default: {
                int r = random.nextInt(10);
                local = r < 6 ? "debiteuren" : r < 8 ? "administratie" : r < 9 ? "crediteuren" : "info";
            }
        }
        return local + "@" + unique + ".example";
    }

    /** A mail-domain label from a company name: no legal form, no diacritics, hyphens between words. */
    static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        s = s.replace("&", " ").replaceAll("\\((vestiging \\d+)\\)", "$1");
        s = s.replaceAll("\\b(b\\.v\\.|v\\.o\\.f\\.|gmbh|co\\.|kg|e\\.k\\.|bv|nv|srl|sa|zn\\.)", " ");
        s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "debiteur" : s;
    }

    private BigDecimal creditLine(PaymentProfile profile) {
        int base;
        switch (profile) {
            case GOOD: base = 20000; break;
            case AVERAGE: base = 10000; break;
            case LATE: base = 5000; break;
            default: base = 2500;
        }
        return BigDecimal.valueOf(base + 500L * random.nextInt(base / 500 + 1)).setScale(2, RoundingMode.UNNECESSARY);
    }

    // ---------------------------------------------------------------- open items

    private record Draft(DemoData.Account account, int daysOverdue, boolean creditNote, boolean partPaid) {
    }

    private List<DemoData.Term> terms(List<DemoData.Account> accounts) {
        List<Draft> drafts = new ArrayList<>();
        DemoData.Account demo = accounts.get(0);
        int[] fixed = DEMO_DEBTOR_DAYS_OVERDUE;
        for (int i = 0; i < fixed.length && drafts.size() < settings.invoices(); i++) {
            boolean partPaid = i == fixed.length - 2;
            boolean credit = i == fixed.length - 1;
            drafts.add(new Draft(demo, fixed[i], credit, partPaid));
        }
        // Some debtors buy much more than others; weights 1..12, skewed towards small.
        int[] weights = new int[accounts.size()];
        purchaseWeights = weights;
        // Running totals, so that picking a debtor is a binary search (benchmarks use 100,000 debtors).
        int[] upTo = new int[accounts.size()];
        int total = 0;
        for (int i = 0; i < weights.length; i++) {
            int w = 1 + (int) Math.floor(Math.pow(random.nextDouble(), 2) * 12);
            weights[i] = w;
            total += w;
            upTo[i] = total;
        }
        while (drafts.size() < settings.invoices()) {
            int r = random.nextInt(total);
            // the first debtor whose running total exceeds r
            int found = Arrays.binarySearch(upTo, r);
            DemoData.Account a = accounts.get(found >= 0 ? found + 1 : -found - 1);
            boolean credit = random.nextInt(100) < 5;
            int days = a.profile().daysOverdue(random, a.paymentDays());
            boolean partPaid = !credit && random.nextInt(100) < a.profile().partPaidPercent;
            drafts.add(new Draft(a, days, credit, partPaid));
        }

        List<DemoData.Term> unnumbered = new ArrayList<>();
        for (Draft d : drafts) {
            unnumbered.add(term(d));
        }
        return unnumbered;
    }

    private DemoData.Term term(Draft d) {
        LocalDate today = settings.today();
        int paymentDays = d.account().paymentDays();
        LocalDate invoiceDate = today.minusDays((long) paymentDays + d.daysOverdue());
        BigDecimal amount = d.creditNote() ? creditAmount() : invoiceAmount();
        BigDecimal open = amount;
        LocalDate lastPayment = null;
        if (d.partPaid()) {
            // Between 20% and 80% still open, so "part-paid" is visible whichever way one rounds.
            BigDecimal share = BigDecimal.valueOf(20 + random.nextInt(61)).divide(HUNDRED);
            open = amount.multiply(share).setScale(2, RoundingMode.HALF_UP);
            long span = Math.max(1, today.toEpochDay() - invoiceDate.toEpochDay());
            lastPayment = invoiceDate.plusDays(1 + random.nextInt((int) Math.min(span, 120)));
            if (lastPayment.isAfter(today)) {
                lastPayment = today;
            }
        }
        DemoData.Term t = issued(d.account(), invoiceDate, amount, open, d.creditNote(), lastPayment);
        if (d.partPaid()) {
            receipts.put(t.id(), List.of(new Receipt(lastPayment, amount.subtract(open), t.modified())));
        }
        return t;
    }

    /** A term of the account issued on that day, with its texts and booking times drawn. */
    private DemoData.Term issued(DemoData.Account account, LocalDate invoiceDate, BigDecimal amount, BigDecimal open,
                                 boolean creditNote, LocalDate lastPayment) {
        String ref = random.nextInt(100) < 30 ? "PO-" + (10000 + random.nextInt(90000)) : null;
        String text = String.format(Locale.ROOT, pick(creditNote ? NamePools.CREDIT_TEXTS : NamePools.INVOICE_TEXTS),
                ref != null ? ref : invoiceDate.getYear() + "-" + (1 + random.nextInt(52)));
        Instant created = invoiceDate.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(7 * 3600 + random.nextInt(10 * 3600));
        Instant modified = lastPayment == null ? created : bookedOn(lastPayment);
        return new DemoData.Term(uuid(), account.id(), uuid(), 0, invoiceDate, invoiceDate.plusDays(account.paymentDays()),
                amount, open, creditNote, text, ref, lastPayment, account.paymentCondition(), account.paymentDays(),
                created, modified);
    }

    /** A moment in office hours of that day, when a bank statement line was booked. */
    private Instant bookedOn(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(9 * 3600 + random.nextInt(8 * 3600));
    }

    private BigDecimal invoiceAmount() {
        // Log-normal around a few hundred euros with a tail into tens of thousands, like B2B invoices.
        double v = Math.exp(Math.log(650) + random.nextGaussian() * 1.05);
        v = Math.max(24.95, Math.min(48000, v));
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private BigDecimal creditAmount() {
        return BigDecimal.valueOf(-(40 + random.nextDouble() * 1500)).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Gives invoice numbers in date order (ties in the order given), per year: {@code yyyy0001} onward
     * (wider when a year has more than 9999), as Exact numbers sales entries per financial year. Returns
     * the terms in that order.
     */
    private static List<DemoData.Term> number(List<DemoData.Term> terms) {
        List<DemoData.Term> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparing(DemoData.Term::invoiceDate)); // stable: ties keep their order
        Map<Integer, Integer> perYear = new HashMap<>();
        for (DemoData.Term t : sorted) {
            perYear.merge(t.invoiceDate().getYear(), 1, Integer::sum);
        }
        Map<Integer, Integer> counters = new HashMap<>();
        List<DemoData.Term> out = new ArrayList<>();
        for (DemoData.Term t : sorted) {
            int year = t.invoiceDate().getYear();
            int n = counters.merge(year, 1, Integer::sum);
            int width = perYear.get(year) > 9999 ? 100000 : 10000;
            int number = year * width + n;
            out.add(new DemoData.Term(t.id(), t.accountId(), t.entryId(), number, t.invoiceDate(), t.dueDate(),
                    t.invoiceAmount(), t.openAmount(), t.creditNote(), t.description(), t.yourRef(),
                    t.lastPaymentDate(), t.paymentCondition(), t.paymentDays(), t.created(), t.modified()));
        }
        return out;
    }

    // ---------------------------------------------------------------- paid history

    /**
     * Invoices paid in the past year: a base every debtor reaches (more than the 3 Dunwise needs for a
     * score by default) and more per unit of purchase weight, 6 to 28 a year.
     */
    static final int PAID_BASE = 4;
    static final int PAID_PER_WEIGHT = 2;

    /**
     * The invoices each debtor paid in full over the past year. Each was paid on a day in that year, early
     * or late as the debtor's profile says; some in two instalments (as often as the profile part-pays),
     * the last one settling it. None was issued before its debtor existed.
     */
    private List<DemoData.Term> history(List<DemoData.Account> accounts) {
        LocalDate today = settings.today();
        List<DemoData.Term> out = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            DemoData.Account a = accounts.get(i);
            PaymentProfile profile = a.profile();
            int onTimePercent = profile.onTimePercent(random);
            int count = PAID_BASE + PAID_PER_WEIGHT * purchaseWeights[i];
            LocalDate since = a.created().atZone(ZoneOffset.UTC).toLocalDate();
            for (int n = 0; n < count; n++) {
                int daysLate = profile.daysLateWhenPaid(random, onTimePercent, a.paymentDays());
                // Accounts are at least 200 days old and a term plus lateness at most 180 days, so this
                // range is never empty.
                long earliest = Math.max(today.minusDays(364).toEpochDay(),
                        since.toEpochDay() + a.paymentDays() + daysLate);
                LocalDate paidOn = LocalDate.ofEpochDay(earliest + random.nextInt((int) (today.toEpochDay() - earliest)));
                LocalDate invoiceDate = paidOn.minusDays((long) a.paymentDays() + daysLate);
                BigDecimal amount = invoiceAmount();
                DemoData.Term t = issued(a, invoiceDate, amount, BigDecimal.ZERO.setScale(2), false, paidOn);
                receipts.put(t.id(), receiptsOf(t, profile, paidOn));
                out.add(t);
            }
        }
        return out;
    }

    /** One payment on the day it was settled, or a first part of 20-80% some days before and the rest then. */
    private List<Receipt> receiptsOf(DemoData.Term t, PaymentProfile profile, LocalDate paidOn) {
        long span = paidOn.toEpochDay() - t.invoiceDate().toEpochDay();
        if (span < 2 || random.nextInt(100) >= profile.partPaidPercent) {
            return List.of(new Receipt(paidOn, t.invoiceAmount(), t.modified()));
        }
        BigDecimal first = t.invoiceAmount().multiply(BigDecimal.valueOf(20 + random.nextInt(61)))
                .divide(HUNDRED, 2, RoundingMode.HALF_UP);
        LocalDate firstOn = t.invoiceDate().plusDays(1 + random.nextInt((int) span - 1));
        return List.of(new Receipt(firstOn, first, bookedOn(firstOn)),
                new Receipt(paidOn, t.invoiceAmount().subtract(first), t.modified()));
    }

    // ---------------------------------------------------------------- contacts and journal lines

    /**
     * One or two people per account; the first is the main contact and always has an email address, so
     * that a debtor without an address of its own (about 2%) can still be reached through its main contact.
     */
    private List<DemoData.Contact> contacts(List<DemoData.Account> accounts) {
        List<DemoData.Contact> out = new ArrayList<>();
        for (DemoData.Account a : accounts) {
            String domain = a.email() != null ? a.email().substring(a.email().indexOf('@') + 1) : slug(a.name()) + ".example";
            int people = random.nextInt(100) < 30 ? 2 : 1;
            for (int p = 0; p < people; p++) {
                String first = pick(NamePools.FIRST_NAMES);
                String last = pick(a.country().equals("DE") ? NamePools.DE_SURNAMES : NamePools.NL_SURNAMES);
                boolean main = p == 0;
                String email = main || random.nextBoolean() ? slug(first) + "." + slug(last) + "@" + domain : null;
                out.add(new DemoData.Contact(uuid(), a.id(), first, last, email, a.phone(), main,
                        a.created().plusSeconds(3600L * (1 + random.nextInt(48)))));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The customer's journal lines behind the items: a sales line per invoice or credit note and a receipt
     * line per payment on it, negative and naming the invoice it pays. The sum of an item's lines is always
     * its open amount, so a paid invoice's lines add up to zero.
     */
    private List<DemoData.Line> lines(List<DemoData.Term> terms) {
        List<DemoData.Line> out = new ArrayList<>();
        int bankEntry = 0;
        for (DemoData.Term t : terms) {
            out.add(new DemoData.Line(uuid(), t.accountId(), t.entryId(), t.invoiceNumber(), SALES_JOURNAL,
                    t.creditNote() ? TYPE_SALES_CREDIT_NOTE : TYPE_SALES_ENTRY, t.invoiceDate(), t.dueDate(),
                    t.invoiceNumber(), t.invoiceAmount(), t.description(), t.created()));
            for (Receipt r : receipts.getOrDefault(t.id(), List.of())) {
                out.add(new DemoData.Line(uuid(), t.accountId(), uuid(), ++bankEntry, BANK_JOURNAL, TYPE_CASH_OR_BANK,
                        r.date(), null, t.invoiceNumber(), r.amount().negate(), "Betaling " + t.invoiceNumber(),
                        r.booked()));
            }
        }
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- helpers

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** A version-4 UUID drawn from the seeded random, so IDs are stable across regenerations. */
    private UUID uuid() {
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}

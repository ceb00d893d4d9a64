package nl.dunwise.exact.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import nl.dunwise.dunning.PaymentBehaviour;
import nl.dunwise.dunning.PlanningPolicy;
import nl.dunwise.dunning.ReminderPlanner;
import nl.dunwise.exact.client.SyncEndpoint;
import nl.dunwise.sandbox.exact.seed.DemoData;
import nl.dunwise.sandbox.exact.seed.DemoDataGenerator;
import nl.dunwise.sandbox.exact.seed.PaymentProfile;
import nl.dunwise.testing.OwnDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's demo division as Dunwise sees it after a sync (on PostgreSQL, a database of its own, dropped
 * afterwards): the generated accounts, payment terms (open and paid) and transaction lines go through the
 * sync's writer as Exact's JSON, then the planning run scores every debtor. The paid history must spread
 * the debtors over the friendly, standard and strict scenarios along their payment profiles, each with a
 * reason a credit manager can read.
 */
class DemoDivisionScoreTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final int DIVISION = 3124567;
    private static final int PAGE = 1000;
    private static final PlanningPolicy POLICY = new PlanningPolicy(new BigDecimal("5.00"), 3, 3, 80, 40, "friendly", "strict");

    private static OwnDatabase database;
    private static DemoData demo;

    @BeforeAll
    static void syncAndScoreTheDemoDivision() throws SQLException {
        database = new OwnDatabase(DemoDivisionScoreTest.class);
        database.execute("INSERT INTO exact_connection (id, country, base_url, status) VALUES (1, 'nl', 'http://x', 'CONNECTED')",
                "INSERT INTO division (code, connection_id, description, currency) VALUES (" + DIVISION + ", 1, 'Demo', 'EUR')",
                "INSERT INTO scenario (division, code, name, is_default) VALUES (" + DIVISION + ", 'friendly', 'Friendly', false), ("
                        + DIVISION + ", 'standard', 'Standard', true), (" + DIVISION + ", 'strict', 'Strict', false)");
        demo = DemoDataGenerator.generate(new DemoDataGenerator.Settings(42, 200, 2000, DIVISION, TODAY));

        SyncWriter writer = new SyncWriter(database.dataSource(), Clock.fixed(TODAY.atTime(5, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        long[] timestamp = {1000};
        write(writer, SyncEndpoint.ACCOUNTS, demo.accounts().stream().map(a -> Json.createObjectBuilder()
                .add("ID", a.id().toString()).add("Code", " ".repeat(18 - a.code().length()) + a.code()).add("Name", a.name())
                .add("Status", "C").add("IsSales", true).add("Blocked", a.blocked())
                .add("Timestamp", String.valueOf(++timestamp[0])).build()).toList());
        write(writer, SyncEndpoint.PAYMENT_TERMS, Stream.concat(demo.terms().stream(), demo.paidTerms().stream())
                .map(t -> Json.createObjectBuilder().add("ID", t.id().toString()).add("Account", t.accountId().toString())
                        .add("InvoiceNumber", t.invoiceNumber()).add("EntryNumber", t.invoiceNumber())
                        .add("InvoiceDate", ScriptedExact.date(t.invoiceDate())).add("DueDate", ScriptedExact.date(t.dueDate()))
                        .add("AmountDC", t.openAmount()).add("TransactionAmountDC", t.invoiceAmount()).add("Currency", "EUR")
                        .add("Status", t.paid() ? 50 : PaymentTermRecord.OPEN)
                        .add("Timestamp", String.valueOf(++timestamp[0])).build()).toList());
        write(writer, SyncEndpoint.TRANSACTION_LINES, demo.lines().stream().map(l -> Json.createObjectBuilder()
                .add("ID", l.id().toString()).add("Account", l.accountId().toString()).add("AmountDC", l.amount())
                .add("Date", ScriptedExact.date(l.date())).add("InvoiceNumber", l.invoiceNumber()).add("Type", l.type())
                .add("Timestamp", String.valueOf(++timestamp[0])).build()).toList());

        new ReminderPlanner(database.dataSource()).plan(DIVISION, "EUR", TODAY, POLICY,
                TODAY.atTime(6, 0).toInstant(ZoneOffset.UTC));
    }

    private static void write(SyncWriter writer, SyncEndpoint endpoint, List<JsonObject> records) {
        writer.start(DIVISION, endpoint);
        for (int from = 0; from < records.size(); from += PAGE) {
            writer.write(DIVISION, "EUR", endpoint, records.subList(from, Math.min(records.size(), from + PAGE)));
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        database.close();
    }

    private record Scored(PaymentProfile profile, String scenario, PaymentBehaviour behaviour) {
    }

    private static List<Scored> scored() throws SQLException {
        Map<UUID, PaymentProfile> profiles = new HashMap<>();
        demo.accounts().forEach(a -> profiles.put(a.id(), a.profile()));
        List<Scored> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT d.exact_id, s.code, d.payment_score, d.score_paid_items, d.score_avg_days_late,
                            d.score_on_time_share, d.score_broken_promises, d.score_disputes
                     FROM debtor d JOIN scenario s ON s.id = d.scenario_id WHERE d.division = """ + DIVISION)) {
            while (rs.next()) {
                out.add(new Scored(profiles.get(rs.getObject(1, UUID.class)), rs.getString(2),
                        new PaymentBehaviour(rs.getObject(3, Integer.class), rs.getInt(4), rs.getBigDecimal(5),
                                rs.getBigDecimal(6), rs.getInt(7), rs.getInt(8))));
            }
        }
        return out;
    }

    @Test
    void everyPaidInvoiceArrivesClosedWithItsPayments() throws SQLException {
        assertEquals(demo.paidTerms().size(), database.single("SELECT count(*) FROM invoice WHERE division = " + DIVISION
                + " AND closed_at IS NOT NULL AND open_amount = 0"));
        assertEquals(demo.terms().size(), database.single("SELECT count(*) FROM invoice WHERE division = " + DIVISION
                + " AND closed_at IS NULL"), "the open items stay the open items");
        assertEquals(demo.lines().stream().filter(l -> l.type() == DemoDataGenerator.TYPE_CASH_OR_BANK).count(),
                database.single("SELECT count(*) FROM payment WHERE division = " + DIVISION + " AND invoice_id IS NOT NULL"),
                "every receipt line is a payment linked to its invoice");
    }

    @Test
    void theScoresSpreadOverTheScenariosAlongThePaymentProfiles() throws SQLException {
        List<Scored> debtors = scored();
        assertEquals(200, debtors.size());
        Map<String, Integer> perScenario = new TreeMap<>();
        Map<PaymentProfile, Map<String, Integer>> perProfile = new EnumMap<>(PaymentProfile.class);
        for (Scored d : debtors) {
            perScenario.merge(d.scenario(), 1, Integer::sum);
            perProfile.computeIfAbsent(d.profile(), p -> new TreeMap<>()).merge(d.scenario(), 1, Integer::sum);
        }
        System.out.println("Demo division (seed 42, 200 debtors): scenarios " + perScenario + ", by profile " + perProfile);

        for (String scenario : List.of("friendly", "standard", "strict")) {
            assertTrue(perScenario.getOrDefault(scenario, 0) >= 30, "at least 15% " + scenario + ": " + perScenario);
        }
        assertTrue(debtors.stream().allMatch(d -> d.behaviour().paidItems() > 0), "every debtor has paid history");
        assertTrue(share(perProfile.get(PaymentProfile.GOOD), "friendly") > 0.8, "good payers earn friendly: " + perProfile);
        assertTrue(share(perProfile.get(PaymentProfile.LATE), "strict") > 0.8, "late payers earn strict: " + perProfile);
        assertTrue(share(perProfile.get(PaymentProfile.VERY_LATE), "strict") > 0.8, "very late payers earn strict: " + perProfile);
        assertTrue(share(perProfile.get(PaymentProfile.AVERAGE), "standard") > 0.5, "average payers stay standard: " + perProfile);
    }

    @Test
    void eachScenarioComesWithAReadableReason() throws SQLException {
        for (Scored d : scored().stream().filter(s -> s.behaviour().paidItems() >= POLICY.minimumPaidItems()).toList()) {
            String reason = d.behaviour().reason(Locale.ENGLISH);
            assertTrue(reason.matches("avg \\d+(\\.\\d)? days? late over \\d+ invoices, \\d+% on time"), reason);
            assertTrue(d.behaviour().reason(Locale.forLanguageTag("nl"))
                    .matches("gem\\. \\d+(,\\d)? dagen? te laat over \\d+ facturen, \\d+% op tijd"), reason);
        }
        scored().stream().filter(s -> s.behaviour().paidItems() >= POLICY.minimumPaidItems())
                .collect(java.util.stream.Collectors.toMap(Scored::scenario, s -> s, (a, b) -> a, TreeMap::new))
                .forEach((scenario, s) -> System.out.println(scenario + " (" + s.profile() + ", score "
                        + s.behaviour().score() + "): " + s.behaviour().reason(Locale.ENGLISH)));
    }

    private static double share(Map<String, Integer> counts, String scenario) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return counts.getOrDefault(scenario, 0) / (double) total;
    }
}

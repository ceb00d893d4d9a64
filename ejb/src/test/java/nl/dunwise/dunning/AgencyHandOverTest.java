package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.exact.writeback.ExactWriteBacks;
import nl.dunwise.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Approved AGENCY reminders go to the collection agency in one hand-over file per division and run, on
 * PostgreSQL through EclipseLink: exactly those reminders, with the claim as of the hand-over day; once only;
 * the debtor is then the agency's and the planning run leaves it alone.
 */
class AgencyHandOverTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T06:00:00Z"), ZoneId.of("Europe/Amsterdam"));

    private static Ledger ledger;
    private static EntityManagerFactory jpa;

    /** The notes queued for Exact, as ExactWriteBacks received them: "account | source | subject | notes". */
    private static final List<String> NOTES = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void createDatabase() throws SQLException {
        ledger = new Ledger(AgencyHandOverTest.class);
        jpa = ledger.entityManagerFactory();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        jpa.close();
        ledger.close();
    }

    private static void plan(int division, LocalDate day) {
        new ReminderPlanner(ledger.dataSource()).plan(division, "EUR", day, PlanningRunTest.POLICY,
                day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** A debtor whose oldest invoice is 70 days late: its first reminder went out, the agency step awaits approval. */
    private static long overdueSince70Days(int division, String code) throws SQLException {
        long debtor = ledger.debtor(division, code);
        ledger.invoice(debtor, TODAY.minusDays(70), "600.00");
        ledger.invoice(debtor, TODAY.minusDays(40), "250.00");
        plan(division, TODAY.minusDays(60));
        ledger.execute("UPDATE reminder SET status = 'SENT', sent_at = TIMESTAMPTZ '" + TODAY.minusDays(60)
                + " 09:00:00+01' WHERE debtor_id = " + debtor + " AND status = 'PLANNED'");
        return debtor;
    }

    private static void approveAgencyStep(long debtor) throws SQLException {
        ledger.execute("UPDATE reminder SET status = 'PLANNED', decided_by = 'colin' WHERE debtor_id = " + debtor
                + " AND channel = 'AGENCY' AND status = 'AWAITING_APPROVAL'");
    }

    private static <T> T inTransaction(Function<AgencyHandOvers, T> work) {
        return StandaloneDispatch.inTransaction(jpa, em -> work.apply(handOvers(em)));
    }

    private static AgencyHandOvers handOvers(EntityManager em) {
        ExactWriteBacks writeBacks = new ExactWriteBacks() {
            @Override
            public boolean enqueueNote(int division, UUID account, String source, String subject, String notes) {
                NOTES.add(account + " | " + source + " | " + subject + " | " + notes);
                return true;
            }
        };
        return new AgencyHandOvers(em, writeBacks, new AuditLog(em, CLOCK), CLOCK);
    }

    private static List<JsonObject> lines(int division, long handOverId) {
        byte[] content = inTransaction(h -> h.content(division, handOverId)).orElseThrow();
        return new String(content, StandardCharsets.UTF_8).lines()
                .map(l -> Json.createReader(new StringReader(l)).readObject()).toList();
    }

    @Test
    void theFileHoldsExactlyTheApprovedAgencyRemindersWithTheirClaimAsOfTheHandOverDay() throws SQLException {
        int division = ledger.division();
        long handed = overdueSince70Days(division, "handed");
        long disputedInvoice = ledger.invoice(handed, TODAY.minusDays(20), "99.00");
        ledger.dispute(disputedInvoice);
        ledger.execute("INSERT INTO promise_to_pay (division, debtor_id, promised_date, amount, currency, status, made_by, made_at) "
                + "VALUES (" + division + ", " + handed + ", DATE '" + TODAY.minusDays(30) + "', 850.00, 'EUR', 'BROKEN', 'colin', "
                + "TIMESTAMPTZ '" + TODAY.minusDays(35) + " 10:00:00Z')");
        long waiting = overdueSince70Days(division, "waiting");
        long emailed = ledger.debtor(division, "emailed");
        ledger.invoice(emailed, TODAY.minusDays(8), "100.00");
        plan(division, TODAY);
        approveAgencyStep(handed);

        AgencyHandOverResult result = inTransaction(h -> h.handOver(division, TODAY));

        assertEquals(1, result.handedOver());
        List<JsonObject> lines = lines(division, result.handOverId());
        assertEquals(1, lines.size(), "only the approved agency reminder; not the one awaiting approval, nor the email");
        JsonObject line = lines.get(0);
        assertEquals("dunwise-agency-handover 1 " + TODAY, line.getString("format") + " " + line.getInt("version") + " "
                + line.getString("handed_over_on"));
        assertEquals(division, line.getJsonObject("creditor").getInt("division"));
        assertEquals("handed BUSINESS handed@example.com", line.getJsonObject("debtor").getString("code") + " "
                + line.getJsonObject("debtor").getString("kind") + " " + line.getJsonObject("debtor").getString("email"));
        assertEquals(List.of("handed-1 600.00 600.00 70", "handed-2 250.00 250.00 40"), line.getJsonArray("invoices")
                .getValuesAs(JsonObject.class).stream().map(i -> i.getString("number") + " " + i.getString("amount") + " "
                        + i.getString("open_amount") + " " + i.getInt("days_overdue")).toList(),
                "the disputed invoice is not handed over");
        ClaimStatement expected = ClaimStatements.standard().drawUp(DebtorKind.BUSINESS, "NL", List.of(
                new ClaimStatement.OverdueItem("handed-1", Money.of(new BigDecimal("600.00"), "EUR"), TODAY.minusDays(70)),
                new ClaimStatement.OverdueItem("handed-2", Money.of(new BigDecimal("250.00"), "EUR"), TODAY.minusDays(40))), TODAY);
        JsonObject claim = line.getJsonObject("claim");
        assertEquals("850.00", claim.getString("principal"));
        assertEquals("127.50", claim.getString("collection_costs"), "the WIK scale: 15% of 850.00");
        assertEquals(AgencyHandOverFile.decimal(expected.interest().amount()), claim.getString("interest"));
        assertTrue(expected.interest().isPositive());
        assertEquals(new BigDecimal(claim.getString("principal")).add(new BigDecimal(claim.getString("interest")))
                .add(new BigDecimal("127.50")).toPlainString(), claim.getString("total"));
        assertEquals(List.of(TODAY.minusDays(60) + " first-reminder 7 EMAIL"), line.getJsonArray("reminders_sent")
                .getValuesAs(JsonObject.class).stream().map(r -> r.getString("sent_on") + " " + r.getString("step") + " "
                        + r.getInt("day_offset") + " " + r.getString("channel")).toList());
        assertEquals("handed-3 QUALITY", line.getJsonArray("disputes").getJsonObject(0).getString("invoice_number") + " "
                + line.getJsonArray("disputes").getJsonObject(0).getString("reason"));
        assertEquals("BROKEN 850.00", line.getJsonArray("promises").getJsonObject(0).getString("status") + " "
                + line.getJsonArray("promises").getJsonObject(0).getString("amount"));

        assertEquals(List.of("AGENCY | SENT | collection agency | " + result.handOverId()),
                ledger.rows("SELECT channel, status, recipient, agency_handover_id FROM reminder WHERE debtor_id = ? AND channel = 'AGENCY'", handed));
        assertEquals(List.of("AGENCY | AWAITING_APPROVAL"),
                ledger.rows("SELECT channel, status FROM reminder WHERE debtor_id = ? AND channel = 'AGENCY'", waiting));
        assertEquals(List.of(TODAY + " | " + result.handOverId(), "null | null"), ledger.rows(
                "SELECT handed_over_on, agency_handover_id FROM debtor WHERE id IN (?, ?) ORDER BY code", handed, waiting));
        assertEquals(List.of("1 | 1"), ledger.rows("SELECT reminder_count, format_version FROM agency_handover WHERE id = ?",
                result.handOverId()));
        List<AgencyHandOverView> listed = inTransaction(h -> h.handOvers(division, 10));
        assertEquals(List.of(result.handOverId()), listed.stream().map(AgencyHandOverView::id).toList());
        String note = NOTES.stream().filter(n -> n.contains("agency-handover:" + line.getJsonNumber("reminder_id"))).findFirst().orElseThrow();
        assertTrue(note.contains("Handed over to the collection agency on November 25, 2026"), note);
    }

    @Test
    void aSecondRunHandsNothingOverAgain() throws SQLException {
        int division = ledger.division();
        long debtor = overdueSince70Days(division, "once");
        plan(division, TODAY);
        approveAgencyStep(debtor);

        AgencyHandOverResult first = inTransaction(h -> h.handOver(division, TODAY));
        AgencyHandOverResult second = inTransaction(h -> h.handOver(division, TODAY));

        assertEquals(1, first.handedOver());
        assertEquals(new AgencyHandOverResult(null, 0, 0), second);
        assertEquals(1, ledger.id("SELECT count(*) FROM agency_handover WHERE division = " + division));
    }

    @Test
    void theDebtorHandedOverIsSkippedByThePlanningRunWithTheReason() throws SQLException {
        int division = ledger.division();
        long debtor = overdueSince70Days(division, "agency-has-it");
        plan(division, TODAY);
        approveAgencyStep(debtor);
        inTransaction(h -> h.handOver(division, TODAY));
        // The agency collected the old invoices; a new one falls due and would get its first reminder.
        ledger.execute("UPDATE invoice SET open_amount = 0, closed_at = now() WHERE debtor_id = " + debtor);
        ledger.invoice(debtor, TODAY.minusDays(8), "300.00");

        plan(division, TODAY.plusDays(1));

        assertEquals(List.of("HANDED_OVER | {" + TODAY + "}"),
                ledger.rows("SELECT reason, detail_values FROM dunning_skip WHERE debtor_id = ?", debtor));
        assertEquals(0, ledger.id("SELECT count(*) FROM reminder WHERE debtor_id = " + debtor + " AND status = 'PLANNED'"));
        assertEquals("Op 2026-11-25 overgedragen aan het incassobureau; het bureau int nu bij deze debiteur.",
                SkipReason.HANDED_OVER.describe(Locale.forLanguageTag("nl"), List.of(TODAY.toString())));
    }

    @Test
    void twoHandOversAtTheSameTimeNeverTakeTheSameReminder() throws SQLException {
        int division = ledger.division();
        List<Long> debtors = new ArrayList<>();
        for (String code : List.of("first-a", "first-b", "later")) {
            debtors.add(overdueSince70Days(division, code));
        }
        plan(division, TODAY);
        approveAgencyStep(debtors.get(0));
        approveAgencyStep(debtors.get(1));

        EntityManager first = jpa.createEntityManager();
        first.getTransaction().begin();
        AgencyHandOverResult firstResult = handOvers(first).handOver(division, TODAY);
        // While the first run still holds its reminders, a collector approves another, and a second server runs.
        approveAgencyStep(debtors.get(2));
        AgencyHandOverResult secondResult = inTransaction(h -> h.handOver(division, TODAY));
        first.getTransaction().commit();
        first.close();

        assertEquals(2, firstResult.handedOver());
        assertEquals(1, secondResult.handedOver());
        List<Long> inFirst = lines(division, firstResult.handOverId()).stream().map(l -> l.getJsonNumber("reminder_id").longValue()).toList();
        List<Long> inSecond = lines(division, secondResult.handOverId()).stream().map(l -> l.getJsonNumber("reminder_id").longValue()).toList();
        Set<Long> both = new HashSet<>(inFirst);
        both.retainAll(inSecond);
        assertEquals(Set.of(), both);
        assertEquals(List.of("first-a", "first-b", "later"), ledger.rows("""
                SELECT d.code FROM reminder r JOIN debtor d ON d.id = r.debtor_id
                WHERE r.division = ? AND r.channel = 'AGENCY' AND r.status = 'SENT' ORDER BY d.code""", division));
        assertEquals(List.of("later"), ledger.rows("""
                SELECT d.code FROM reminder r JOIN debtor d ON d.id = r.debtor_id WHERE r.agency_handover_id = ?""",
                secondResult.handOverId()));
        assertNull(inTransaction(h -> h.handOver(division, TODAY)).handOverId());
    }
}

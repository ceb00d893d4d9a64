package nl.dunwise.dispute;

import static nl.dunwise.testing.CollectorDesk.COLIN;
import static nl.dunwise.testing.CollectorDesk.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import nl.dunwise.receivable.ActionRefused;
import nl.dunwise.receivable.ActionRefused.Refusal;
import nl.dunwise.testing.CollectorDesk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Disputes raised and resolved by a collector, on PostgreSQL: only on an open invoice of the debtor, one open
 * at a time; dunning pauses for that invoice only; a rejection resumes it. Each step is audited and noted once.
 */
class DisputesTest {

    private static CollectorDesk desk;

    @BeforeAll
    static void openDesk() throws SQLException {
        desk = new CollectorDesk(DisputesTest.class);
    }

    @AfterAll
    static void closeDesk() throws SQLException {
        desk.close();
    }

    private static long raise(int division, long debtor, long invoice) {
        return desk.act(s -> s.disputes().raise(division, debtor, invoice, DisputeReason.NOT_RECEIVED,
                "Pallet 3 never arrived", null, COLIN));
    }

    private static List<String> notes(long debtor) throws SQLException {
        return desk.rows("SELECT w.source, w.payload FROM exact_writeback w JOIN debtor d ON d.exact_id = w.account_id "
                + "WHERE d.id = ? AND w.kind = 'NOTE' ORDER BY w.id", debtor);
    }

    @Test
    void aDisputePausesDunningOfItsInvoiceOnly() throws SQLException {
        int division = desk.division("NL");
        long debtor = desk.debtor(division, "partly");
        long undisputed = desk.invoice(debtor, TODAY.minusDays(10), "300.00");
        long disputed = desk.invoice(debtor, TODAY.minusDays(12), "200.00");

        long dispute = raise(division, debtor, disputed);
        desk.plan(division, TODAY);

        assertEquals(List.of("OPEN | colin | colin | NOT_RECEIVED | Pallet 3 never arrived"), desk.rows(
                "SELECT status, owner, opened_by, reason, explanation FROM dispute WHERE id = ?", dispute));
        List<String> notes = notes(debtor);
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("Geschil over factuur partly-2: niet ontvangen"), notes.get(0));
        assertEquals(List.of("colin | DISPUTE_RAISED"), desk.rows(
                "SELECT actor, action FROM audit_event WHERE subject_type = 'Dispute' AND subject_id = ?", String.valueOf(dispute)));
        assertEquals(List.of("PLANNED | {" + undisputed + "} | 300.00"), desk.rows(
                "SELECT status, item_invoice_ids, total_amount FROM reminder WHERE debtor_id = ?", debtor),
                "the other invoice is still chased, without the disputed one");
    }

    @Test
    void onlyAnOpenInvoiceOfTheDebtorCanBeDisputedAndOnlyOnceAtATime() throws SQLException {
        int division = desk.division("NL");
        long debtor = desk.debtor(division, "strict");
        long other = desk.debtor(division, "other");
        long othersInvoice = desk.invoice(other, TODAY.minusDays(5), "100.00");
        long paid = desk.invoice(debtor, TODAY.minusDays(5), "100.00");
        desk.execute("UPDATE invoice SET open_amount = 0, closed_at = now() WHERE id = " + paid);
        long open = desk.invoice(debtor, TODAY.minusDays(5), "100.00");
        raise(division, debtor, open);

        ActionRefused notHis = assertThrows(ActionRefused.class, () -> raise(division, debtor, othersInvoice));
        ActionRefused closed = assertThrows(ActionRefused.class, () -> raise(division, debtor, paid));
        ActionRefused twice = assertThrows(ActionRefused.class, () -> raise(division, debtor, open));
        ActionRefused silent = assertThrows(ActionRefused.class, () -> desk.act(s -> s.disputes().raise(division, debtor,
                open + 1000, DisputeReason.PRICE, " ", null, COLIN)));

        assertEquals(List.of(Refusal.INVOICE_NOT_OPEN, Refusal.INVOICE_NOT_OPEN, Refusal.ALREADY_DISPUTED, Refusal.INVOICE_NOT_OPEN),
                List.of(notHis.refusal(), closed.refusal(), twice.refusal(), silent.refusal()));
        assertEquals(1, desk.single("SELECT count(*) FROM dispute WHERE debtor_id IN (" + debtor + ", " + other + ")"));
        assertEquals(1, notes(debtor).size());
        assertEquals(0, notes(other).size());
    }

    @Test
    void aRejectionWithANoteResumesDunningAndADisputeIsResolvedOnce() throws SQLException {
        int division = desk.division("NL");
        long debtor = desk.debtor(division, "rejected");
        long invoice = desk.invoice(debtor, TODAY.minusDays(10), "500.00");
        long dispute = raise(division, debtor, invoice);
        desk.plan(division, TODAY);

        ActionRefused withoutNote = assertThrows(ActionRefused.class, () -> desk.act(s -> {
            s.disputes().resolve(division, dispute, DisputeStatus.REJECTED, "", COLIN);
            return null;
        }));
        ActionRefused stillOpen = assertThrows(ActionRefused.class, () -> desk.act(s -> {
            s.disputes().resolve(division, dispute, DisputeStatus.OPEN, "no", COLIN);
            return null;
        }));
        assertEquals(List.of(Refusal.NOTE_REQUIRED, Refusal.RESOLUTION_REQUIRED), List.of(withoutNote.refusal(), stillOpen.refusal()));
        assertEquals(List.of("OPEN"), desk.rows("SELECT status FROM dispute WHERE id = ?", dispute));

        desk.act(s -> {
            s.disputes().resolve(division, dispute, DisputeStatus.REJECTED, "Signed delivery note of 3 pallets", COLIN);
            return null;
        });
        ActionRefused again = assertThrows(ActionRefused.class, () -> desk.act(s -> {
            s.disputes().resolve(division, dispute, DisputeStatus.CREDITED, "changed my mind", COLIN);
            return null;
        }));
        desk.plan(division, TODAY.plusDays(1));

        assertEquals(Refusal.DISPUTE_NOT_OPEN, again.refusal());
        assertEquals(List.of("REJECTED | colin | Signed delivery note of 3 pallets"),
                desk.rows("SELECT status, resolved_by, resolution_note FROM dispute WHERE id = ?", dispute));
        assertEquals(List.of(TODAY + " | ALL_ITEMS_DISPUTED"),
                desk.rows("SELECT run_date, reason FROM dunning_skip WHERE debtor_id = ?", debtor));
        assertEquals(1, desk.single("SELECT count(*) FROM reminder WHERE status = 'PLANNED' AND debtor_id = " + debtor));
        List<String> notes = notes(debtor);
        assertEquals(2, notes.size());
        assertTrue(notes.get(1).contains("Geschil over factuur rejected-1 opgelost: afgewezen, aanmanen gaat door"), notes.get(1));
    }
}

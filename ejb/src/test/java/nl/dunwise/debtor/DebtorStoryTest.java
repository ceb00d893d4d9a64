package nl.dunwise.debtor;

import static nl.dunwise.testing.CollectorDesk.COLIN;
import static nl.dunwise.testing.CollectorDesk.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import nl.dunwise.dispute.DisputeReason;
import nl.dunwise.dispute.DisputeStatus;
import nl.dunwise.money.Money;
import nl.dunwise.testing.CollectorDesk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The debtor page's story as a collector reads it after working the file: every list, in the reader's language. */
class DebtorStoryTest {

    private static CollectorDesk desk;
    private static DebtorStory story;

    @BeforeAll
    static void openDesk() throws SQLException {
        desk = new CollectorDesk(DebtorStoryTest.class);
        story = new DebtorStory(desk.database().dataSource());
    }

    @AfterAll
    static void closeDesk() throws SQLException {
        desk.close();
    }

    @Test
    void theWholeStoryOfAWorkedFileIsOnOnePage() throws SQLException {
        int division = desk.division("NL");
        long debtor = desk.debtor(division, "whole");
        long disputed = desk.invoice(debtor, TODAY.minusDays(12), "200.00");
        desk.invoice(debtor, TODAY.minusDays(10), "300.00");
        desk.debtor(division, "wholesale");
        desk.debtor(division, "other");
        desk.act(s -> {
            long dispute = s.disputes().raise(division, debtor, disputed, DisputeReason.PRICE, "Wrong price list", null, COLIN);
            s.disputes().resolve(division, dispute, DisputeStatus.CREDITED, "Credit note 2026-77", COLIN);
            s.debtors().hold(division, debtor, "Over the limit", COLIN);
            s.debtors().changeCreditLine(division, debtor, Money.of(new BigDecimal("450.00"), "EUR"), COLIN);
            s.promises().make(division, debtor, TODAY.plusDays(4), null, COLIN);
            return null;
        });
        desk.plan(division, TODAY);

        assertEquals(2, story.count(division, "whole"));
        assertEquals(List.of("whole 500.00 true", "wholesale 0 false"), story.search(division, "WHOLE", 0, 10).stream()
                .map(f -> f.code() + " " + f.openAmount() + " " + f.onHold()).toList());

        DebtorStory.Header header = story.header(division, "whole", Locale.ENGLISH).orElseThrow();
        assertEquals("Over the limit EUR 450.00 500.00 true", header.holdReason() + " " + header.currency() + " "
                + header.creditLine() + " " + header.exposure() + " " + header.isOverLimit());
        assertTrue(story.header(division, "nobody", Locale.ENGLISH).isEmpty());

        assertEquals(List.of("whole-1 12 false", "whole-2 10 false"), story.openItems(division, debtor, TODAY).stream()
                .map(i -> i.number() + " " + i.daysOverdue() + " " + i.disputed()).toList());
        assertEquals(List.of("whole-1 PRICE CREDITED colin Credit note 2026-77"), story.disputes(division, debtor, TODAY).stream()
                .map(x -> x.invoiceNumber() + " " + x.reason() + " " + x.status() + " " + x.resolvedBy() + " "
                        + x.resolutionNote()).toList());
        assertEquals(List.of(TODAY.plusDays(4) + " OPEN"), story.promises(division, debtor).stream()
                .map(p -> p.promisedDate() + " " + p.status()).toList());
        List<DebtorStory.SkipLine> skips = story.skips(division, debtor, Locale.ENGLISH);
        assertEquals(1, skips.size());
        assertEquals("The debtor promised to pay on " + TODAY.plusDays(4) + "; we wait 3 more day(s) after that.",
                skips.get(0).reason());
        assertEquals(List.of(), story.reminders(division, debtor));
        assertEquals(List.of(), story.plans(division, debtor));
        assertEquals(List.of("PROMISE_MADE", "CREDIT_LINE_CHANGED", "CREDIT_HOLD_ON", "DISPUTE_RESOLVED", "DISPUTE_RAISED"),
                story.audit(division, debtor).stream().map(DebtorStory.AuditLine::action).toList());
    }
}

package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.dunwise.exact.Division;
import nl.dunwise.money.Money;
import org.junit.jupiter.api.Test;

/** The note a sent reminder leaves in Exact names the reminder, the channel, the invoices and the total. */
class ReminderNoteTest {

    private static final List<ReminderItem> ITEMS = List.of(
            new ReminderItem("20260012", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), Money.of(new BigDecimal("120.00"), "EUR"), 55),
            new ReminderItem("20260031", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), Money.of(new BigDecimal("80.00"), "EUR"), 25));

    @Test
    void aDutchDivisionGetsTheNoteInDutch() {
        ReminderNote note = ReminderNote.of("second-reminder", Channel.EMAIL, "debiteuren@bakkerij.example",
                LocalDate.of(2026, 11, 25), ITEMS, Money.of(new BigDecimal("200.00"), "EUR"), Division.languageOfCountry("NL"));
        assertEquals("Herinnering: second-reminder per e-mail", note.subject());
        assertTrue(note.notes().startsWith("second-reminder per e-mail verstuurd naar debiteuren@bakkerij.example op 25 november 2026."),
                note.notes());
        assertTrue(note.notes().contains("20260012") && note.notes().contains("20260031"), note.notes());
        assertTrue(note.notes().replace('\u00a0', ' ').endsWith("Totaal: € 200,00"), note.notes());
    }

    @Test
    void anotherCountryGetsItInEnglish() {
        ReminderNote note = ReminderNote.of("final-notice", Channel.EMAIL, "accounts@firm.example",
                LocalDate.of(2026, 11, 25), ITEMS, Money.of(new BigDecimal("200.00"), "EUR"), Division.languageOfCountry("DE"));
        assertEquals(Locale.ENGLISH, Division.languageOfCountry("DE"));
        assertEquals("Reminder: final-notice by email", note.subject());
        assertTrue(note.notes().contains("Invoice 20260012"), note.notes());
        assertTrue(note.notes().endsWith("Total: €200.00"), note.notes());
    }
}

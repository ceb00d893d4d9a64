package nl.dunwise.dunning;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.dunwise.money.Money;

/**
 * The note a sent reminder leaves on the debtor's account in Exact, so that people working in Exact see
 * it: which reminder, by which channel, to whom, when, for which invoices and what total. Written in the
 * language of the division's country (Dutch for NL and BE, else English), not the debtor's.
 */
record ReminderNote(String subject, String notes) {

    static ReminderNote of(String templateCode, Channel channel, String recipient, LocalDate sentOn,
            List<ReminderItem> items, Money total, Locale locale) {
        ResourceBundle text = ReminderText.in(locale);
        String channelName = text.getString("channel." + channel.name());
        String subject = format(text, "note.subject", locale, templateCode, channelName);
        String notes = format(text, "note.sent", locale, templateCode, channelName, recipient,
                sentOn.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)))
                + "\n\n" + InvoiceTable.text(items, locale)
                + "\n" + format(text, "note.total", locale, total.format(locale));
        return new ReminderNote(subject, notes);
    }

    private static String format(ResourceBundle text, String key, Locale locale, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}

package nl.dunwise.dunning;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** The table of invoices in a reminder, in the debtor's language, as HTML and as plain text. */
final class InvoiceTable {

    private InvoiceTable() {
    }

    static String html(List<ReminderItem> items, Locale locale) {
        ResourceBundle text = ReminderText.in(locale);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        StringBuilder b = new StringBuilder("<table style=\"border-collapse:collapse\" cellpadding=\"6\">\n<tr>");
        for (String key : List.of("table.invoice", "table.date", "table.due", "table.days", "table.open")) {
            b.append("<th style=\"text-align:left;border-bottom:1px solid #999\">").append(TemplateRenderer.escape(text.getString(key))).append("</th>");
        }
        b.append("</tr>\n");
        for (ReminderItem item : items) {
            b.append("<tr><td>").append(TemplateRenderer.escape(nullToDash(item.invoiceNumber())))
                    .append("</td><td>").append(item.invoiceDate() == null ? "-" : date.format(item.invoiceDate()))
                    .append("</td><td>").append(date.format(item.dueDate()))
                    .append("</td><td style=\"text-align:right\">").append(item.daysOverdue())
                    .append("</td><td style=\"text-align:right\">").append(TemplateRenderer.escape(item.openAmount().format(locale)))
                    .append("</td></tr>\n");
        }
        return b.append("</table>\n").toString();
    }

    static String text(List<ReminderItem> items, Locale locale) {
        ResourceBundle text = ReminderText.in(locale);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        StringBuilder b = new StringBuilder();
        for (ReminderItem item : items) {
            b.append(String.format(locale, "%s %-12s %s %s, %s %d, %s %s%n",
                    text.getString("table.invoice"), nullToDash(item.invoiceNumber()),
                    text.getString("table.due"), date.format(item.dueDate()),
                    text.getString("table.days"), item.daysOverdue(),
                    text.getString("table.open"), item.openAmount().format(locale)));
        }
        return b.toString().stripTrailing();
    }

    /** No fallback to the JVM's default locale: an English debtor must not get Dutch headings. */
    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }
}

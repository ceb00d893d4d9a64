package nl.dunwise.dunning;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * How a debtor paid over the last 12 months, as the planning run scored it (score-payment-behaviour.sql),
 * and the reason for the scenario it earned, to show wherever that choice is shown.
 *
 * @param score          0-100, empty without paid items
 * @param paidItems      invoices paid in the window
 * @param avgDaysLate    amount-weighted average days late, empty without paid items
 * @param onTimeShare    share of paid items paid by their due date (0-1), empty without paid items
 * @param brokenPromises promises to pay broken in the window
 * @param disputes       disputes opened in the window
 */
public record PaymentBehaviour(Integer score, int paidItems, BigDecimal avgDaysLate, BigDecimal onTimeShare,
        int brokenPromises, int disputes) {

    /** E.g. "avg 23 days late over 14 invoices, 40% on time, 2 broken promises". */
    public String reason(Locale locale) {
        ResourceBundle text = ReminderText.in(locale);
        if (paidItems == 0) {
            return text.getString("behaviour.no-history");
        }
        StringBuilder reason = new StringBuilder(format(text, "behaviour.reason", locale, avgDaysLate, paidItems, onTimeShare));
        if (brokenPromises > 0) {
            reason.append(", ").append(format(text, "behaviour.broken-promises", locale, brokenPromises));
        }
        if (disputes > 0) {
            reason.append(", ").append(format(text, "behaviour.disputes", locale, disputes));
        }
        return reason.toString();
    }

    private static String format(ResourceBundle text, String key, Locale locale, Object... arguments) {
        return new MessageFormat(text.getString(key), locale).format(arguments);
    }
}

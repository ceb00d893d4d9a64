package nl.dunwise.dunning;

import java.time.LocalDate;
import nl.dunwise.money.Money;

/** One invoice as a reminder listed it, with the open amount and days overdue of that moment. */
public record ReminderItem(String invoiceNumber, LocalDate invoiceDate, LocalDate dueDate, Money openAmount,
        int daysOverdue) {
}

package nl.dunwise.dunning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An open call task as the collectors' queue lists it, with the debtor and the number to call. */
public record CallTaskView(long id, String debtorCode, String debtorName, String phone, String stepCode,
        BigDecimal totalAmount, String currency, LocalDate dueDate, String assignedTo, Instant createdAt) {
}

package nl.dunwise.dunning;

import java.math.BigDecimal;
import java.time.Instant;
import nl.dunwise.money.Money;

/** A reminder as the cockpit lists it, with its debtor's code and name. */
public record ReminderView(long id, String debtorCode, String debtorName, String step, Channel channel,
        ReminderStatus status, Money total, Instant plannedAt, Instant sentAt, String recipient) {

    public ReminderView(Long id, String debtorCode, String debtorName, String step, Channel channel,
            ReminderStatus status, BigDecimal total, String currency, Instant plannedAt, Instant sentAt, String recipient) {
        this(id, debtorCode, debtorName, step, channel, status, Money.of(total, currency), plannedAt, sentAt, recipient);
    }
}

package nl.dunwise.receivable;

import java.util.Map;
import nl.dunwise.money.Money;

/** What the cockpit shows of one division's receivables at a glance. */
public record ReceivablesOverview(int division, long debtors, long openItems, Money open, Money overdue,
        Map<AgingBucket, Money> aging) {
}

package nl.dunwise.dunning;

import java.time.LocalDate;
import java.util.List;
import nl.dunwise.money.Money;

/**
 * What one debtor owes on one day: each overdue item with the statutory interest it has earned, the
 * collection costs on the principal of all of them, and the totals. It is what a final notice, the portal and
 * a hand-over to an agency show, drawn up by {@link ClaimStatements}.
 */
public record ClaimStatement(LocalDate on, String country, DebtorKind debtorKind, List<Line> lines, Money principal,
        Money interest, Money collectionCosts, Money total) {

    /** An invoice past its due date: its open principal, and the day it should have been paid. */
    public record OverdueItem(String invoiceNumber, Money principal, LocalDate dueDate) {
    }

    /** One overdue item and the interest on it from the day after its due date. */
    public record Line(OverdueItem item, Money interest) {
    }

    public ClaimStatement {
        lines = List.copyOf(lines);
    }
}

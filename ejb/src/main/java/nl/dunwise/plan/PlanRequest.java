package nl.dunwise.plan;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import nl.dunwise.money.Money;

/**
 * What someone asks for: a plan for the debtor (by its code) over some of its open invoices (by number; none
 * named: all that may go into a plan), either in {@code count} equal monthly instalments from {@code first},
 * or in the instalments agreed one by one ({@code parts}).
 */
public record PlanRequest(String debtorCode, List<String> invoiceNumbers, int count, LocalDate first,
        List<InstalmentSchedule.Part> parts) implements Serializable {

    public PlanRequest {
        invoiceNumbers = invoiceNumbers == null ? List.of()
                : invoiceNumbers.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public static PlanRequest equalInstalments(String debtorCode, List<String> invoiceNumbers, int count, LocalDate first) {
        return new PlanRequest(debtorCode, invoiceNumbers, count, first, List.of());
    }

    public static PlanRequest agreed(String debtorCode, List<String> invoiceNumbers, List<InstalmentSchedule.Part> parts) {
        return new PlanRequest(debtorCode, invoiceNumbers, parts.size(), null, parts);
    }

    InstalmentSchedule schedule(Money open) {
        return parts.isEmpty() ? InstalmentSchedule.equal(open, count, first)
                : InstalmentSchedule.explicit(parts, open.currency().getCurrencyCode());
    }
}

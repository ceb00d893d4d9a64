package nl.dunwise.plan;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.dunwise.money.Money;

/** A plan as the cockpit lists it, with its debtor, invoices and instalments. */
public record PlanView(long id, String debtorCode, String debtorName, PlanStatus status, Money total,
        Money paid, List<String> invoiceNumbers, List<InstalmentView> instalments, List<PolicyBreach> reviewReasons,
        String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt, String rejectionReason,
        Instant endedAt) implements Serializable {

    public record InstalmentView(int number, LocalDate dueDate, Money amount, Money paid,
            InstalmentStatus status) implements Serializable {
    }
}

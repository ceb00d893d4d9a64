package nl.dunwise.plan;

import java.util.List;
import nl.dunwise.money.Money;

/**
 * What a request would make, before anything is stored: the invoices it covers, what they have open, the
 * instalments, and the policy rules it breaks (empty: it would be approved at once).
 */
public record PlanPreview(String debtorCode, String debtorName, List<String> invoiceNumbers, Money open,
        List<InstalmentSchedule.Scheduled> instalments, List<PolicyBreach> breaches) {

    public boolean approvedAtOnce() {
        return breaches.isEmpty();
    }
}

package nl.dunwise.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import nl.dunwise.money.Money;
import nl.dunwise.receivable.Debtor;
import nl.dunwise.receivable.Invoice;

/** The admitted debtor's open items and what they add up to. */
@Named("invoices")
@RequestScoped
public class InvoicesBean {

    @Inject
    private DebtorPortalService portal;

    @Inject
    private PortalVisitor visitor;

    private Debtor debtor;
    private List<Invoice> items;
    private LocalDate today;

    private DebtorRef ref() {
        return visitor.debtor().orElseThrow(() -> new IllegalStateException("No debtor admitted"));
    }

    public Debtor getDebtor() {
        if (debtor == null) {
            debtor = portal.debtor(ref()).orElseThrow(() -> new IllegalStateException("Debtor gone"));
        }
        return debtor;
    }

    public List<Invoice> getItems() {
        if (items == null) {
            items = portal.openItems(ref());
        }
        return items;
    }

    public LocalDate getToday() {
        if (today == null) {
            today = portal.today();
        }
        return today;
    }

    /** A credit note is money owed to the debtor: it is never "overdue". */
    public boolean overdue(Invoice invoice) {
        return !invoice.isCreditNote() && invoice.daysOverdue(getToday()) > 0;
    }

    public Money getTotal() {
        return getItems().stream().map(Invoice::getOpenAmount).reduce(Money::plus).orElse(null);
    }

    public Money getOverdueTotal() {
        return getItems().stream().filter(this::overdue).map(Invoice::getOpenAmount).reduce(Money::plus).orElse(null);
    }
}

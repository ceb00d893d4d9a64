package nl.dunwise.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** An invoice in a plan, with what it had open when the plan was made. */
@Embeddable
public class PlanInvoice {

    @Column(name = "invoice_id", nullable = false)
    private Long invoiceId;

    @Column(name = "open_amount")
    private BigDecimal openAmount;

    protected PlanInvoice() {
    }

    PlanInvoice(long invoiceId, BigDecimal openAmount) {
        this.invoiceId = invoiceId;
        this.openAmount = openAmount;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    public BigDecimal getOpenAmount() {
        return openAmount;
    }
}

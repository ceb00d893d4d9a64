package nl.dunwise.receivable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import nl.dunwise.money.Money;

/** An open item: an invoice, or a credit note when the amount is negative. Rows are written by the sync. */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    private Long id;

    @Column(nullable = false)
    private Integer division;

    @Column(name = "debtor_id", nullable = false)
    private Long debtorId;

    @Column(name = "invoice_number")
    private String invoiceNumber;

    @Column(name = "invoice_date")
    private LocalDate invoiceDate;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    /** What the invoice was issued for; null when Exact did not say. */
    private BigDecimal amount;

    @Column(name = "open_amount", nullable = false)
    private BigDecimal openAmount;

    @Column(nullable = false)
    private String currency;

    private String description;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected Invoice() {
    }

    public Long getId() {
        return id;
    }

    public Integer getDivision() {
        return division;
    }

    public Long getDebtorId() {
        return debtorId;
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }

    public LocalDate getInvoiceDate() {
        return invoiceDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Money getOpenAmount() {
        return Money.of(openAmount, currency);
    }

    public Money getAmount() {
        return amount == null ? null : Money.of(amount, currency);
    }

    /** Partly paid: something was paid, something is still open. */
    public boolean isPartPaid() {
        return amount != null && openAmount.signum() != 0 && openAmount.compareTo(amount) != 0;
    }

    public String getDescription() {
        return description;
    }

    /** Still owed: not closed in Exact and something of it open (a credit note is not owed). */
    public boolean isOpen() {
        return closedAt == null && openAmount.signum() > 0;
    }

    public boolean isCreditNote() {
        return openAmount.signum() < 0;
    }

    /** Days past the due date on {@code today}; zero or negative while not yet due. */
    public long daysOverdue(LocalDate today) {
        return ChronoUnit.DAYS.between(dueDate, today);
    }
}

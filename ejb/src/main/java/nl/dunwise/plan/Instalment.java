package nl.dunwise.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import nl.dunwise.money.Money;

/**
 * One payment of a plan: what is due when, what of it was paid (the review allocates the payments on the
 * plan's invoices to the instalments, oldest first) and so where it stands.
 */
@Entity
@Table(name = "instalment")
public class Instalment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", nullable = false)
    private PaymentPlan plan;

    @Column(name = "sequence_number", nullable = false)
    private int sequenceNumber;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(name = "paid_amount", nullable = false)
    private BigDecimal paidAmount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InstalmentStatus status;

    protected Instalment() {
    }

    Instalment(PaymentPlan plan, InstalmentSchedule.Scheduled scheduled) {
        this.plan = plan;
        this.sequenceNumber = scheduled.number();
        this.dueDate = scheduled.dueDate();
        this.amount = scheduled.amount().amount();
        this.paidAmount = BigDecimal.ZERO;
        this.status = InstalmentStatus.OPEN;
    }

    public Long getId() {
        return id;
    }

    public int getSequenceNumber() {
        return sequenceNumber;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Money getAmount() {
        return Money.of(amount, plan.getCurrency());
    }

    public Money getPaid() {
        return Money.of(paidAmount, plan.getCurrency());
    }

    public InstalmentStatus getStatus() {
        return status;
    }
}

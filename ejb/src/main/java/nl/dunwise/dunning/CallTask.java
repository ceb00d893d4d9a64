package nl.dunwise.dunning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import nl.dunwise.audit.Actor;
import nl.dunwise.money.Money;

/**
 * A call a collector should make where the scenario's step says to call rather than write: open until a
 * collector closes it with what came of the call.
 */
@Entity
@Table(name = "call_task")
public class CallTask {

    public enum Status { OPEN, DONE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Integer division;

    @Column(name = "debtor_id", nullable = false)
    private Long debtorId;

    @Column(name = "reminder_id", nullable = false)
    private Long reminderId;

    @Column(name = "step_code", nullable = false)
    private String stepCode;

    @Column(name = "total_amount", nullable = false)
    private BigDecimal totalAmount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "assigned_to")
    private String assignedTo;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    private String outcome;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CallTask() {
    }

    CallTask(Reminder reminder, LocalDate dueDate, Instant at) {
        this.division = reminder.getDivision();
        this.debtorId = reminder.getDebtorId();
        this.reminderId = reminder.getId();
        this.stepCode = reminder.getStep().getTemplateCode();
        this.totalAmount = reminder.getTotal().amount();
        this.currency = reminder.getTotal().currency().getCurrencyCode();
        this.dueDate = dueDate;
        this.status = Status.OPEN;
        this.createdAt = at;
    }

    void assignTo(String collector) {
        requireOpen();
        this.assignedTo = collector == null || collector.isBlank() ? null : collector.strip();
    }

    /** Done, with what came of it ("promised to pay on 12 May", "no answer twice, letter sent"). */
    void close(String outcome, Actor by, Instant at) {
        requireOpen();
        if (outcome == null || outcome.isBlank()) {
            throw new IllegalArgumentException("Say what came of the call before closing task " + id + ".");
        }
        this.outcome = outcome.strip();
        this.status = Status.DONE;
        this.closedBy = by.name();
        this.closedAt = at;
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new IllegalStateException("Call task " + id + " is already closed.");
        }
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

    public Long getReminderId() {
        return reminderId;
    }

    public String getStepCode() {
        return stepCode;
    }

    public Money getTotal() {
        return Money.of(totalAmount, currency);
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getAssignedTo() {
        return assignedTo;
    }

    public Status getStatus() {
        return status;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

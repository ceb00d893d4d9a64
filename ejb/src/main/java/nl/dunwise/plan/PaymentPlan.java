package nl.dunwise.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import nl.dunwise.audit.Actor;
import nl.dunwise.money.Money;

/**
 * A debtor's promise to pay some of its open invoices in instalments. Made over the invoices' open amounts
 * (the instalments add up to exactly that); active at once when it keeps to the policy, else proposed until
 * a collector approves or rejects it. Completion and default are the review's (set-based, see
 * review-instalments.sql), since they follow from payments rather than from a person.
 */
@Entity
@Table(name = "payment_plan")
public class PaymentPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Integer division;

    @Column(name = "debtor_id", nullable = false)
    private Long debtorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanStatus status;

    @Column(name = "total_amount", nullable = false)
    private BigDecimal totalAmount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "proposed_by", nullable = false)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Column(name = "payments_from", nullable = false)
    private LocalDate paymentsFrom;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    /** The policy rules the proposal broke (PolicyBreach names, comma-separated): why it waited for a person. */
    @Column(name = "review_reasons", nullable = false)
    private String reviewReasons;

    @Column(name = "ended_at")
    private Instant endedAt;

    @ElementCollection
    @CollectionTable(name = "payment_plan_invoice", joinColumns = @JoinColumn(name = "plan_id"))
    private List<PlanInvoice> invoices = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.PERSIST)
    @OrderBy("sequenceNumber")
    private List<Instalment> instalments = new ArrayList<>();

    protected PaymentPlan() {
    }

    /**
     * A plan over the invoices (id to open amount, all of one debtor and currency) on the schedule, which must
     * add up to what they have open and start no earlier than today. Active at once when it breaks no rule of
     * the policy, else proposed with the rules it breaks.
     */
    static PaymentPlan propose(int division, long debtorId, List<PlanInvoice> invoices, Money open,
            InstalmentSchedule schedule, List<PolicyBreach> breaches, Actor by, Instant at, LocalDate today) {
        if (invoices.isEmpty()) {
            throw new PlanRefused("noInvoices");
        }
        schedule.requireFits(open, today);
        PaymentPlan plan = new PaymentPlan();
        plan.division = division;
        plan.debtorId = debtorId;
        plan.totalAmount = open.amount();
        plan.currency = open.currency().getCurrencyCode();
        plan.proposedBy = by.name();
        plan.proposedAt = at;
        plan.paymentsFrom = today;
        plan.invoices.addAll(invoices);
        schedule.instalments().forEach(s -> plan.instalments.add(new Instalment(plan, s)));
        plan.reviewReasons = breaches.stream().map(Enum::name).collect(Collectors.joining(","));
        if (breaches.isEmpty()) {
            plan.status = PlanStatus.ACTIVE;
            plan.decidedBy = by.name();
            plan.decidedAt = at;
        } else {
            plan.status = PlanStatus.PROPOSED;
        }
        return plan;
    }

    void approve(Actor by, Instant at) {
        requireProposed();
        status = PlanStatus.ACTIVE;
        decidedBy = by.name();
        decidedAt = at;
    }

    void reject(Actor by, String reason, Instant at) {
        requireProposed();
        if (reason == null || reason.isBlank()) {
            throw new PlanRefused("reasonRequired");
        }
        status = PlanStatus.REJECTED;
        rejectionReason = reason.strip();
        decidedBy = by.name();
        decidedAt = at;
        endedAt = at;
    }

    private void requireProposed() {
        if (status != PlanStatus.PROPOSED) {
            throw new PlanRefused("notProposed", String.valueOf(id), status.name());
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

    public PlanStatus getStatus() {
        return status;
    }

    public Money getTotal() {
        return Money.of(totalAmount, currency);
    }

    public String getCurrency() {
        return currency;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public List<PolicyBreach> getReviewReasons() {
        return reviewReasons.isEmpty() ? List.of()
                : Arrays.stream(reviewReasons.split(",")).map(PolicyBreach::valueOf).toList();
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public List<PlanInvoice> getInvoices() {
        return List.copyOf(invoices);
    }

    public List<Instalment> getInstalments() {
        return List.copyOf(instalments);
    }
}

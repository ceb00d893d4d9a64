package nl.dunwise.debtor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import nl.dunwise.audit.Actor;
import nl.dunwise.money.Money;
import nl.dunwise.receivable.ActionRefused;
import nl.dunwise.receivable.ActionRefused.Refusal;
import nl.dunwise.receivable.Debtor;

/**
 * A date the debtor committed to pay by, with the amount when it named one (else what is overdue). While it is
 * open the planning run holds reminders back until the date plus the grace days; then it settles the promise
 * as kept or broken (promise-settlement.sql).
 */
@Entity
@Table(name = "promise_to_pay")
public class PromiseToPay {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Integer division;

    @Column(name = "debtor_id", nullable = false)
    private Long debtorId;

    @Column(name = "promised_date", nullable = false)
    private LocalDate promisedDate;

    private BigDecimal amount;

    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PromiseStatus status;

    @Column(name = "made_by", nullable = false)
    private String madeBy;

    @Column(name = "made_at", nullable = false)
    private Instant madeAt;

    @Column(name = "settled_on")
    private LocalDate settledOn;

    @Column(name = "settled_by")
    private String settledBy;

    protected PromiseToPay() {
    }

    /**
     * A promise recorded today: the date may be today but not before; an amount, when named, is positive and in
     * the division's currency (that of the account in Exact).
     */
    static PromiseToPay make(Debtor debtor, LocalDate promisedDate, Money amount, String divisionCurrency, Actor by,
            LocalDate today, Instant now) {
        if (promisedDate == null || promisedDate.isBefore(today)) {
            throw new ActionRefused(Refusal.DATE_IN_PAST, promisedDate);
        }
        if (amount != null && !amount.isPositive()) {
            throw new ActionRefused(Refusal.AMOUNT_NOT_POSITIVE);
        }
        if (amount != null && !amount.currency().getCurrencyCode().equals(divisionCurrency)) {
            throw new ActionRefused(Refusal.CURRENCY_NOT_OF_DIVISION, amount.currency().getCurrencyCode(), divisionCurrency);
        }
        PromiseToPay promise = new PromiseToPay();
        promise.division = debtor.getDivision();
        promise.debtorId = debtor.getId();
        promise.promisedDate = promisedDate;
        promise.amount = amount == null ? null : amount.amount();
        promise.currency = amount == null ? null : amount.currency().getCurrencyCode();
        promise.status = PromiseStatus.OPEN;
        promise.madeBy = by.name();
        promise.madeAt = now;
        return promise;
    }

    void cancel(Actor by, LocalDate today) {
        if (status != PromiseStatus.OPEN) {
            throw new ActionRefused(Refusal.PROMISE_NOT_OPEN, status);
        }
        status = PromiseStatus.CANCELLED;
        settledOn = today;
        settledBy = by.name();
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

    public LocalDate getPromisedDate() {
        return promisedDate;
    }

    /** Null when the debtor promised to pay what is overdue rather than a sum. */
    public Money getAmount() {
        return amount == null ? null : Money.of(amount, currency);
    }

    public PromiseStatus getStatus() {
        return status;
    }
}

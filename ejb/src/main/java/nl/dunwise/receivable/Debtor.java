package nl.dunwise.receivable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import nl.dunwise.exact.Division;
import nl.dunwise.money.Money;
import nl.dunwise.receivable.ActionRefused.Refusal;

/**
 * A customer of our user's company, as an Exact account. Rows are written by the sync; the switches a
 * collector sets on the file (postponed, dunning blocked, credit hold, credit limit) change here, each by
 * its rule, and the planning run reads them.
 */
@Entity
@Table(name = "debtor")
public class Debtor {

    @Id
    private Long id;

    @Column(nullable = false)
    private Integer division;

    @Column(name = "exact_id", nullable = false)
    private UUID exactId;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    private String email;

    private String language;

    private String country;

    private String city;

    @Column(name = "scenario_id")
    private Long scenarioId;

    @Column(nullable = false)
    private boolean consumer;

    @Column(name = "postponed_until")
    private LocalDate postponedUntil;

    @Column(name = "dunning_blocked", nullable = false)
    private boolean dunningBlocked;

    @Column(name = "dunning_block_reason")
    private String dunningBlockReason;

    @Column(name = "on_hold", nullable = false)
    private boolean onHold;

    @Column(name = "hold_reason")
    private String holdReason;

    /** In the division's currency, as Exact's CreditLineSales; null when none is set. */
    @Column(name = "credit_line")
    private BigDecimal creditLine;

    protected Debtor() {
    }

    public Long getId() {
        return id;
    }

    public Integer getDivision() {
        return division;
    }

    public UUID getExactId() {
        return exactId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getCountry() {
        return country;
    }

    public String getCity() {
        return city;
    }

    /** A consumer (B2C) rather than a business: decides interest kind and whether the 14-day letter is required. */
    public boolean isConsumer() {
        return consumer;
    }

    public Long getScenarioId() {
        return scenarioId;
    }

    /** The language we write to this debtor in: its Exact language when we speak it, else Dutch for NL/BE, else English. */
    public Locale locale() {
        if (language != null && SupportedLanguages.isSupported(language)) {
            return Locale.forLanguageTag(language);
        }
        return Division.languageOfCountry(country);
    }

    public String getLanguage() {
        return language;
    }

    public LocalDate getPostponedUntil() {
        return postponedUntil;
    }

    public boolean isDunningBlocked() {
        return dunningBlocked;
    }

    public String getDunningBlockReason() {
        return dunningBlockReason;
    }

    public boolean isOnHold() {
        return onHold;
    }

    public String getHoldReason() {
        return holdReason;
    }

    public BigDecimal getCreditLine() {
        return creditLine;
    }

    /** No reminder before the day after {@code until}; a day that has come cannot be a postponement. */
    public void postponeUntil(LocalDate until, LocalDate today) {
        if (until == null || !until.isAfter(today)) {
            throw new ActionRefused(Refusal.DATE_NOT_IN_FUTURE, until);
        }
        postponedUntil = until;
    }

    /** Stops dunning until a collector lifts the block; the reason is shown wherever the block is. */
    public void blockDunning(String reason) {
        if (dunningBlocked) {
            throw new ActionRefused(Refusal.ALREADY_BLOCKED);
        }
        dunningBlocked = true;
        dunningBlockReason = required(reason);
    }

    public void unblockDunning() {
        if (!dunningBlocked) {
            throw new ActionRefused(Refusal.NOT_BLOCKED);
        }
        dunningBlocked = false;
        dunningBlockReason = null;
    }

    /** A credit hold stops sales from delivering (Exact's Blocked); dunning goes on. */
    public void putOnHold(String reason) {
        if (onHold) {
            throw new ActionRefused(Refusal.ALREADY_ON_HOLD);
        }
        onHold = true;
        holdReason = required(reason);
    }

    public void releaseHold() {
        if (!onHold) {
            throw new ActionRefused(Refusal.NOT_ON_HOLD);
        }
        onHold = false;
        holdReason = null;
    }

    /** The credit limit, zero or more, in the division's currency (Exact keeps one CreditLineSales per account). */
    public void changeCreditLine(Money limit, String divisionCurrency) {
        if (limit == null || limit.amount().signum() < 0) {
            throw new ActionRefused(Refusal.CREDIT_LINE_NEGATIVE);
        }
        if (!limit.currency().getCurrencyCode().equals(divisionCurrency)) {
            throw new ActionRefused(Refusal.CURRENCY_NOT_OF_DIVISION, limit.currency().getCurrencyCode(), divisionCurrency);
        }
        creditLine = limit.amount();
    }

    private static String required(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ActionRefused(Refusal.REASON_REQUIRED);
        }
        return reason.strip();
    }
}

package nl.dunwise.dunning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import nl.dunwise.audit.Actor;
import nl.dunwise.money.Money;

/**
 * One communication to a debtor at one step of its scenario. Planned set-based by the planning run,
 * then claimed and sent once by the dispatcher; what was sent is kept forever.
 */
@Entity
@Table(name = "reminder")
public class Reminder {

    /** After this many failed attempts a reminder stops retrying and waits for a person. */
    static final int MAX_ATTEMPTS = 5;

    @Id
    private Long id;

    @Column(nullable = false)
    private Integer division;

    @Column(name = "debtor_id", nullable = false)
    private Long debtorId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "step_id")
    private Step step;

    @Column(name = "cycle_due_date", nullable = false)
    private LocalDate cycleDueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReminderStatus status;

    @Column(name = "total_amount", nullable = false)
    private BigDecimal totalAmount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "planned_at", nullable = false)
    private Instant plannedAt;

    private String recipient;

    private String subject;

    @Column(name = "body_html")
    private String bodyHtml;

    @Column(name = "body_text")
    private String bodyText;

    @Column(name = "message_id")
    private String messageId;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "skip_reason")
    private String skipReason;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "letter_batch_id")
    private Long letterBatchId;

    protected Reminder() {
    }

    /** A stable Message-ID: should a crash make us send twice, mail clients see one message. */
    String stableMessageId() {
        return "<reminder-" + id + "." + division + "@dunwise>";
    }

    /** Gone out by email, SMS or letter; {@code messageId} is what the channel knows it by (Message-ID, gateway id). */
    void sent(RenderedMessage message, String recipient, String messageId, Instant at) {
        this.recipient = recipient;
        this.subject = message.subject();
        this.bodyHtml = message.html();
        this.bodyText = message.text();
        this.messageId = messageId;
        this.sentAt = at;
        this.attempts++;
        this.status = ReminderStatus.SENT;
        this.lastError = null;
    }

    void attemptFailed(String error) {
        this.attempts++;
        this.lastError = error;
        if (attempts >= MAX_ATTEMPTS) {
            this.status = ReminderStatus.FAILED;
        }
    }

    /** Printed in the day's letter batch: the post takes it from there. */
    void printed(RenderedMessage message, String address, long batchId, Instant at) {
        sent(message, address, "letter-batch-" + batchId, at);
        this.letterBatchId = batchId;
    }

    /** A call task was put in the collectors' queue: for the dispatcher this step is done. */
    void handedToCollectors(Instant at) {
        this.recipient = "collectors' queue";
        this.sentAt = at;
        this.attempts++;
        this.status = ReminderStatus.SENT;
        this.lastError = null;
    }

    /** The channel refused this reminder itself (e.g. the gateway refused the number): trying again changes nothing. */
    void failed(String error) {
        this.attempts++;
        this.lastError = error;
        this.status = ReminderStatus.FAILED;
    }

    void skipped(String reason) {
        this.status = ReminderStatus.SKIPPED;
        this.skipReason = reason;
    }

    /** A collector lets a step that needs approval go out: the dispatcher takes it from here. */
    void approve(Actor by, Instant at) {
        requireAwaitingApproval();
        this.status = ReminderStatus.PLANNED;
        this.decidedBy = by.name();
        this.decidedAt = at;
    }

    /** A collector turns a step down, saying why; the reminder is never sent. */
    void reject(Actor by, String reason, Instant at) {
        requireAwaitingApproval();
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why reminder " + id + " is rejected.");
        }
        this.status = ReminderStatus.REJECTED;
        this.decidedBy = by.name();
        this.decidedAt = at;
        this.rejectionReason = reason.strip();
    }

    private void requireAwaitingApproval() {
        if (status != ReminderStatus.AWAITING_APPROVAL) {
            throw new IllegalStateException("Reminder " + id + " is " + status + ", not awaiting approval.");
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

    public Step getStep() {
        return step;
    }

    public Channel getChannel() {
        return channel;
    }

    public ReminderStatus getStatus() {
        return status;
    }

    public Money getTotal() {
        return Money.of(totalAmount, currency);
    }

    public Instant getPlannedAt() {
        return plannedAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public String getSkipReason() {
        return skipReason;
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

    public Long getLetterBatchId() {
        return letterBatchId;
    }
}

package nl.dunwise.dispute;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import nl.dunwise.audit.Actor;
import nl.dunwise.receivable.ActionRefused;
import nl.dunwise.receivable.ActionRefused.Refusal;
import nl.dunwise.receivable.Debtor;
import nl.dunwise.receivable.Invoice;

/**
 * A debtor contests one invoice. While it is open the planning run leaves that invoice out of every reminder
 * (the debtor's other invoices are still chased); it ends credited, adjusted or rejected, with a note.
 */
@Entity
@Table(name = "dispute")
public class Dispute {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Integer division;

    @Column(name = "debtor_id", nullable = false)
    private Long debtorId;

    @Column(name = "invoice_id", nullable = false)
    private Long invoiceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisputeReason reason;

    private String explanation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisputeStatus status;

    private String owner;

    @Column(name = "opened_by", nullable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolution_note")
    private String resolutionNote;

    protected Dispute() {
    }

    /**
     * A dispute on an open invoice of the debtor, with a reason and what the debtor says; the owner is who works
     * it (the collector who raised it when none is named). One open dispute per invoice is checked by the caller.
     */
    static Dispute raise(Debtor debtor, Invoice invoice, DisputeReason reason, String explanation, String owner,
            Actor by, Instant now) {
        if (invoice == null || !invoice.getDebtorId().equals(debtor.getId()) || !invoice.isOpen()) {
            throw new ActionRefused(Refusal.INVOICE_NOT_OPEN, invoice == null ? null : invoice.getInvoiceNumber());
        }
        if (reason == null) {
            throw new ActionRefused(Refusal.REASON_REQUIRED);
        }
        if (explanation == null || explanation.isBlank()) {
            throw new ActionRefused(Refusal.NOTE_REQUIRED);
        }
        Dispute dispute = new Dispute();
        dispute.division = debtor.getDivision();
        dispute.debtorId = debtor.getId();
        dispute.invoiceId = invoice.getId();
        dispute.reason = reason;
        dispute.explanation = explanation.strip();
        dispute.status = DisputeStatus.OPEN;
        dispute.owner = owner == null || owner.isBlank() ? by.name() : owner.strip();
        dispute.openedBy = by.name();
        dispute.openedAt = now;
        return dispute;
    }

    /** Ends the dispute; the note says what was decided (and, for a rejection, what the debtor is told). */
    void resolve(DisputeStatus resolution, String note, Actor by, Instant now) {
        if (status != DisputeStatus.OPEN) {
            throw new ActionRefused(Refusal.DISPUTE_NOT_OPEN, status);
        }
        if (resolution == null || !resolution.isResolution()) {
            throw new ActionRefused(Refusal.RESOLUTION_REQUIRED);
        }
        if (note == null || note.isBlank()) {
            throw new ActionRefused(Refusal.NOTE_REQUIRED);
        }
        status = resolution;
        resolutionNote = note.strip();
        resolvedBy = by.name();
        resolvedAt = now;
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

    public Long getInvoiceId() {
        return invoiceId;
    }

    public DisputeReason getReason() {
        return reason;
    }

    public String getExplanation() {
        return explanation;
    }

    public DisputeStatus getStatus() {
        return status;
    }

    public String getOwner() {
        return owner;
    }

    public String getResolutionNote() {
        return resolutionNote;
    }
}

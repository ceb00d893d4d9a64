package nl.dunwise.dispute;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.dunwise.cockpit.StaffBean;
import nl.dunwise.debtor.DebtorPageBean;
import nl.dunwise.debtor.DebtorStory;

/** The dispute dialogs of the debtor page: raise one on an open invoice, resolve an open one with a note. */
@Named("disputeDesk")
@ViewScoped
public class DisputeDeskBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Disputes disputes;

    @Inject
    private DebtorPageBean page;

    @Inject
    private StaffBean staff;

    private DebtorStory.OpenItem invoice;
    private DisputeReason reason;
    private String explanation;
    private String owner;

    private DebtorStory.DisputeLine resolving;
    private DisputeStatus resolution;
    private String note;

    public List<DisputeReason> getReasons() {
        return List.of(DisputeReason.values());
    }

    public List<DisputeStatus> getResolutions() {
        return List.of(DisputeStatus.CREDITED, DisputeStatus.ADJUSTED, DisputeStatus.REJECTED);
    }

    public void startRaise(DebtorStory.OpenItem item) {
        invoice = item;
        reason = null;
        explanation = null;
        owner = staff.getName();
    }

    public void raise() {
        page.act(() -> disputes.raise(page.division(), page.getHeader().id(), invoice.invoiceId(), reason, explanation,
                owner, staff.actor()));
    }

    public void startResolve(DebtorStory.DisputeLine dispute) {
        resolving = dispute;
        resolution = null;
        note = null;
    }

    public void resolve() {
        page.act(() -> disputes.resolve(page.division(), resolving.id(), resolution, note, staff.actor()));
    }

    public DebtorStory.OpenItem getInvoice() {
        return invoice;
    }

    public DebtorStory.DisputeLine getResolving() {
        return resolving;
    }

    public DisputeReason getReason() {
        return reason;
    }

    public void setReason(DisputeReason reason) {
        this.reason = reason;
    }

    public String getExplanation() {
        return explanation;
    }

    public void setExplanation(String explanation) {
        this.explanation = explanation;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public DisputeStatus getResolution() {
        return resolution;
    }

    public void setResolution(DisputeStatus resolution) {
        this.resolution = resolution;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}

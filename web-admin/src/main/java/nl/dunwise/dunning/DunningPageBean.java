package nl.dunwise.dunning;

import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.dunwise.cockpit.Notices;
import nl.dunwise.cockpit.PagedModel;
import nl.dunwise.cockpit.StaffBean;
import nl.dunwise.dunning.bounce.BouncingAddress;
import nl.dunwise.dunning.bounce.EmailBounces;
import nl.dunwise.exact.CockpitDivision;
import org.primefaces.component.datatable.DataTable;

/**
 * The collectors' dunning page: the approval queue (approve, approve the selected, reject with a reason),
 * the debtors the latest planning run held back, per reason, and every debtor's score and scenario, which
 * a credit manager may pin, and the addresses whose email bounced, which a collector clears once they are
 * fixed. Collectors and credit managers act, auditors read; every list is read a page at
 * a time.
 */
@Named("dunningPage")
@ViewScoped
public class DunningPageBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient DunningWorklist worklist;

    @Inject
    private transient ReminderApproval approval;

    @Inject
    private transient ScenarioPinning pinning;

    @Inject
    private transient EmailBounces bounces;

    @Inject
    private CockpitDivision cockpitDivision;

    @Inject
    private StaffBean staff;

    private final PagedModel<ApprovalItem> approvals = new PagedModel<>(
            () -> division() == null ? 0 : worklist.countAwaitingApproval(division()),
            (first, max, sort, ascending) -> worklist.awaitingApproval(division(), locale(), first, max),
            ApprovalItem::reminderId);
    private List<ApprovalItem> selectedApprovals = new ArrayList<>();
    private ApprovalItem rejecting;
    private String rejectionReason;

    private SkipReason reasonFilter;
    private final PagedModel<SkippedDebtor> skips = new PagedModel<>(
            () -> skipDate() == null ? 0 : worklist.countSkips(division(), skipDate(), reasonFilter),
            (first, max, sort, ascending) -> worklist.skips(division(), skipDate(), reasonFilter, locale(), first, max),
            SkippedDebtor::id);
    private LocalDate skipDate;
    private Map<SkipReason, Long> skipCounts;

    private final PagedModel<DebtorScore> scores = new PagedModel<>(
            () -> division() == null ? 0 : worklist.countDebtors(division()),
            (first, max, sort, ascending) -> worklist.debtorScores(division(), scoreOrder(sort), ascending, locale(), first, max),
            DebtorScore::debtorId);
    private List<BouncingAddress> bouncing;

    private DebtorScore pinningDebtor;
    private Long pinScenarioId;
    private List<ScenarioOption> scenarios;

    /** The first managed division, as on the templates page; empty until Exact Online is connected. */
    public Integer division() {
        return cockpitDivision.code();
    }

    public boolean isConnected() {
        return division() != null;
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** The table's sort field, by the column's {@code field}; unsorted lists by debtor code. */
    private static ScoreOrder scoreOrder(String field) {
        return field == null ? ScoreOrder.CODE : ScoreOrder.valueOf(field.toUpperCase(Locale.ROOT));
    }

    // --- approval queue

    public PagedModel<ApprovalItem> getApprovals() {
        return approvals;
    }

    public void approve(long reminderId) {
        if (!staff.isMayAct()) {
            Notices.error("approval.notAllowed");
            return;
        }
        if (approved(reminderId)) {
            Notices.info("approval.approved", 1);
        }
    }

    public void approveSelected() {
        if (!staff.isMayAct()) {
            Notices.error("approval.notAllowed");
            return;
        }
        if (selectedApprovals.isEmpty()) {
            Notices.error("approval.noneSelected");
            return;
        }
        int approved = 0;
        for (ApprovalItem item : selectedApprovals) {
            if (approved(item.reminderId())) {
                approved++;
            }
        }
        selectedApprovals = new ArrayList<>();
        if (approved > 0) {
            Notices.info("approval.approved", approved);
        }
    }

    /** Each decision is its own transaction: one that someone else already took is named, the rest go through. */
    private boolean approved(long reminderId) {
        try {
            approval.approve(reminderId, staff.actor());
            return true;
        } catch (EJBException e) {
            Notices.error("approval.alreadyDecided", reminderId);
            return false;
        }
    }

    public void startReject(ApprovalItem item) {
        rejecting = item;
        rejectionReason = null;
    }

    public void reject() {
        if (!staff.isMayAct() || rejecting == null) {
            Notices.error("approval.notAllowed");
            return;
        }
        try {
            approval.reject(rejecting.reminderId(), staff.actor(), rejectionReason);
            Notices.info("approval.rejected", rejecting.debtorCode());
        } catch (EJBException e) {
            Notices.error("approval.alreadyDecided", rejecting.reminderId());
        }
        rejecting = null;
        rejectionReason = null;
    }

    public List<ApprovalItem> getSelectedApprovals() {
        return selectedApprovals;
    }

    public void setSelectedApprovals(List<ApprovalItem> selectedApprovals) {
        this.selectedApprovals = selectedApprovals == null ? new ArrayList<>() : selectedApprovals;
    }

    public ApprovalItem getRejecting() {
        return rejecting;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public void setRejectionReason(String rejectionReason) {
        this.rejectionReason = rejectionReason;
    }

    // --- skips of the latest run

    /** The day of the latest run that held anybody back; empty before any did. */
    public LocalDate skipDate() {
        if (skipDate == null && division() != null) {
            skipDate = worklist.latestSkipDate(division()).orElse(null);
        }
        return skipDate;
    }

    public LocalDate getSkipDate() {
        return skipDate();
    }

    public List<Map.Entry<SkipReason, Long>> getSkipCounts() {
        if (skipCounts == null) {
            skipCounts = skipDate() == null ? Map.of() : worklist.skipCounts(division(), skipDate());
        }
        return new ArrayList<>(skipCounts.entrySet());
    }

    public long getSkipTotal() {
        return getSkipCounts().stream().mapToLong(Map.Entry::getValue).sum();
    }

    public PagedModel<SkippedDebtor> getSkips() {
        return skips;
    }

    /** Another reason shows its list from the start. */
    public void firstPageOfSkips() {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent("skipsForm:skips") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public SkipReason getReasonFilter() {
        return reasonFilter;
    }

    public void setReasonFilter(SkipReason reasonFilter) {
        this.reasonFilter = reasonFilter;
    }

    // --- bounced addresses

    public List<BouncingAddress> getBouncing() {
        if (bouncing == null) {
            bouncing = division() == null ? List.of() : bounces.bouncing(division());
        }
        return bouncing;
    }

    public void clearBounce(BouncingAddress address) {
        if (!staff.isMayAct()) {
            Notices.error("bounces.notAllowed");
            return;
        }
        if (bounces.clear(division(), address.debtorId(), staff.actor())) {
            Notices.info("bounces.cleared", address.address());
        } else {
            Notices.error("bounces.clearedMeanwhile", address.address());
        }
        bouncing = null;
    }

    // --- debtor scores

    public PagedModel<DebtorScore> getScores() {
        return scores;
    }

    public List<ScenarioOption> getScenarios() {
        if (scenarios == null) {
            scenarios = division() == null ? List.of() : worklist.scenarios(division());
        }
        return scenarios;
    }

    public void startPin(DebtorScore debtor) {
        pinningDebtor = debtor;
        pinScenarioId = null;
    }

    public void pin() {
        if (!staff.isCreditManager() || pinningDebtor == null) {
            Notices.error("scores.notAllowed");
            return;
        }
        if (pinning.pin(division(), pinningDebtor.debtorId(), pinScenarioId, staff.actor())) {
            Notices.info("scores.pinned", pinningDebtor.code());
        } else {
            Notices.error("scores.notPinned");
        }
        pinningDebtor = null;
    }

    public void unpin(DebtorScore debtor) {
        if (!staff.isCreditManager()) {
            Notices.error("scores.notAllowed");
            return;
        }
        if (pinning.unpin(division(), debtor.debtorId(), staff.actor())) {
            Notices.info("scores.unpinned", debtor.code());
        } else {
            Notices.error("scores.notPinnedAnyMore");
        }
    }

    public DebtorScore getPinningDebtor() {
        return pinningDebtor;
    }

    public Long getPinScenarioId() {
        return pinScenarioId;
    }

    public void setPinScenarioId(Long pinScenarioId) {
        this.pinScenarioId = pinScenarioId;
    }
}

package nl.dunwise.dunning;

import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.dunwise.cockpit.Notices;
import nl.dunwise.cockpit.StaffBean;
import nl.dunwise.exact.CockpitDivision;

/**
 * The collectors' call queue: the open call tasks of the division, taking one ("assign to me") and closing
 * it with what came of the call; and the letter batches of the daily print run with their PDFs. Collectors
 * and credit managers act, auditors read.
 */
@Named("calls")
@ViewScoped
public class CallsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int BATCHES_SHOWN = 20;

    @Inject
    private transient CallTasks tasks;

    @Inject
    private transient LetterBatches letterBatches;

    @Inject
    private CockpitDivision cockpitDivision;

    @Inject
    private StaffBean staff;

    private transient List<CallTaskView> open;
    private transient List<LetterBatchView> batches;
    private CallTaskView closing;
    private String outcome;

    public Integer getDivision() {
        return cockpitDivision.code();
    }

    public List<CallTaskView> getOpen() {
        if (open == null) {
            open = getDivision() == null ? List.of() : tasks.open(getDivision());
        }
        return open;
    }

    public List<LetterBatchView> getBatches() {
        if (batches == null) {
            batches = getDivision() == null ? List.of() : letterBatches.batches(getDivision(), BATCHES_SHOWN);
        }
        return batches;
    }

    public void assignToMe(CallTaskView task) {
        if (!staff.isMayAct()) {
            Notices.error("calls.notAllowed");
            return;
        }
        try {
            tasks.assign(getDivision(), task.id(), staff.getName(), staff.actor());
            Notices.info("calls.assigned", task.debtorCode());
        } catch (EJBException e) {
            Notices.error("calls.closedMeanwhile", task.debtorCode());
        }
        open = null;
    }

    public void startClose(CallTaskView task) {
        closing = task;
        outcome = null;
    }

    public void close() {
        if (!staff.isMayAct() || closing == null) {
            Notices.error("calls.notAllowed");
            return;
        }
        try {
            tasks.close(getDivision(), closing.id(), outcome, staff.actor());
            Notices.info("calls.closed", closing.debtorCode());
        } catch (EJBException e) {
            Notices.error("calls.closedMeanwhile", closing.debtorCode());
        }
        closing = null;
        outcome = null;
        open = null;
    }

    public CallTaskView getClosing() {
        return closing;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}

package nl.dunwise.plan;

import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import nl.dunwise.cockpit.Notices;
import nl.dunwise.cockpit.StaffBean;
import nl.dunwise.exact.CockpitDivision;
import nl.dunwise.money.Money;

/**
 * The payment plans page: proposals outside the policy waiting for a collector (approve, or reject with a
 * reason), active plans with their instalments, ended ones, and a plan agreed by phone recorded with a preview
 * of its instalments first. Collectors and credit managers act, auditors read.
 */
@Named("plans")
@ViewScoped
public class PlansBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PlansBean.class.getName());
    private static final int SHOWN = 100;

    @Inject
    private transient PaymentPlans plans;

    @Inject
    private transient Clock clock;

    @Inject
    private CockpitDivision cockpitDivision;

    @Inject
    private StaffBean staff;

    private transient List<PlanView> proposed;
    private transient List<PlanView> active;
    private transient List<PlanView> ended;

    private PlanView rejecting;
    private String reason;

    private String debtorCode;
    private String invoiceNumbers;
    private int count = 3;
    private LocalDate firstDate;
    private transient PlanPreview preview;

    public Integer getDivision() {
        return cockpitDivision.code();
    }

    public List<PlanView> getProposed() {
        if (proposed == null) {
            proposed = load(PlanStatus.PROPOSED);
        }
        return proposed;
    }

    public List<PlanView> getActive() {
        if (active == null) {
            active = load(PlanStatus.ACTIVE);
        }
        return active;
    }

    public List<PlanView> getEnded() {
        if (ended == null) {
            List<PlanView> all = new ArrayList<>();
            for (PlanStatus status : List.of(PlanStatus.DEFAULTED, PlanStatus.COMPLETED, PlanStatus.REJECTED)) {
                all.addAll(load(status));
            }
            ended = all;
        }
        return ended;
    }

    private List<PlanView> load(PlanStatus status) {
        return getDivision() == null ? List.of() : plans.plans(getDivision(), status, SHOWN);
    }

    private void reload() {
        proposed = null;
        active = null;
        ended = null;
    }

    /** Why a proposal waits, each rule it breaks in the reader's language. */
    public String why(PlanView plan) {
        return plan.reviewReasons().stream().map(b -> plans.explain(b, locale())).collect(Collectors.joining("; "));
    }

    public String invoices(PlanView plan) {
        return String.join(", ", plan.invoiceNumbers());
    }

    public String previewInvoices() {
        return preview == null ? "" : String.join(", ", preview.invoiceNumbers());
    }

    public String money(Money amount) {
        return amount == null ? "" : amount.format(locale());
    }

    // --- the queue

    public void approve(PlanView plan) {
        if (!mayAct()) {
            return;
        }
        if (act(() -> plans.approve(getDivision(), plan.id(), staff.actor()))) {
            Notices.info("plans.approved", String.valueOf(plan.id()), plan.debtorCode());
        }
        reload();
    }

    public void startReject(PlanView plan) {
        rejecting = plan;
        reason = null;
    }

    public void reject() {
        if (!mayAct() || rejecting == null) {
            return;
        }
        PlanView plan = rejecting;
        if (act(() -> plans.reject(getDivision(), plan.id(), reason, staff.actor()))) {
            Notices.info("plans.rejected", String.valueOf(plan.id()), plan.debtorCode());
            rejecting = null;
            reason = null;
        }
        reload();
    }

    // --- a new plan

    public void startNew() {
        debtorCode = null;
        invoiceNumbers = null;
        count = 3;
        firstDate = LocalDate.now(clock).plusDays(7);
        preview = null;
    }

    public void showPreview() {
        preview = null;
        if (getDivision() == null) {
            return;
        }
        try {
            preview = plans.preview(getDivision(), request());
        } catch (PlanRefused e) {
            Notices.errorSentence(e.message(locale()));
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "Previewing a payment plan failed", e);
            Notices.error("plans.failed");
        }
    }

    public void propose() {
        if (!mayAct()) {
            return;
        }
        long[] id = new long[1];
        boolean[] atOnce = new boolean[1];
        if (act(() -> {
            // The preview says whether the policy lets it through; the proposal is what is stored.
            atOnce[0] = plans.preview(getDivision(), request()).approvedAtOnce();
            id[0] = plans.propose(getDivision(), request(), staff.actor());
        })) {
            Notices.info(atOnce[0] ? "plans.proposedActive" : "plans.proposedWaiting", String.valueOf(id[0]));
            preview = null;
        }
        reload();
    }

    private PlanRequest request() {
        List<String> numbers = invoiceNumbers == null ? List.of() : Arrays.asList(invoiceNumbers.split("[,;\\s]+"));
        return PlanRequest.equalInstalments(debtorCode, numbers, count, firstDate);
    }

    public String previewWhy() {
        return preview == null ? "" : preview.breaches().stream().map(b -> plans.explain(b, locale()))
                .collect(Collectors.joining("; "));
    }

    private boolean mayAct() {
        if (!staff.isMayAct() || getDivision() == null) {
            Notices.error("plans.notAllowed");
            return false;
        }
        return true;
    }

    /** Runs the service call; a refusal is shown as the service worded it, anything else as a plain failure. */
    private boolean act(Runnable call) {
        try {
            call.run();
            return true;
        } catch (PlanRefused e) {
            Notices.errorSentence(e.message(locale()));
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "A payment-plan action failed", e);
            Notices.error("plans.failed");
        }
        // Keeps the dialog open (oncomplete checks validationFailed), so the collector can correct the input.
        FacesContext.getCurrentInstance().validationFailed();
        return false;
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public PlanView getRejecting() {
        return rejecting;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getDebtorCode() {
        return debtorCode;
    }

    public void setDebtorCode(String debtorCode) {
        this.debtorCode = debtorCode;
    }

    public String getInvoiceNumbers() {
        return invoiceNumbers;
    }

    public void setInvoiceNumbers(String invoiceNumbers) {
        this.invoiceNumbers = invoiceNumbers;
    }

    public int getCount() {
        return count;
    }

    public void setCount(int count) {
        this.count = count;
    }

    public LocalDate getFirstDate() {
        return firstDate;
    }

    public void setFirstDate(LocalDate firstDate) {
        this.firstDate = firstDate;
    }

    public PlanPreview getPreview() {
        return preview;
    }
}

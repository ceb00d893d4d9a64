package nl.dunwise.debtor;

import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dunwise.cockpit.Notices;
import nl.dunwise.cockpit.PagedModel;
import nl.dunwise.cockpit.StaffBean;
import nl.dunwise.exact.CockpitDivision;
import nl.dunwise.exact.writeback.AccountWriteBack;
import nl.dunwise.exact.writeback.ExactWriteBacks;
import nl.dunwise.money.Money;
import nl.dunwise.receivable.ActionRefused;

/**
 * The debtor page: without a code, a search over the division's debtors a page at a time; with one, the
 * debtor's whole story (header, open invoices, reminders and skips, disputes, promises, payment plans, audit
 * trail, write-backs to Exact) and the collector's actions in dialogs. Collectors and credit managers act,
 * auditors read. Each list is read once per request cycle and again after an action.
 */
@Named("debtorPage")
@ViewScoped
public class DebtorPageBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DebtorPageBean.class.getName());
    private static final int WRITE_BACKS_SHOWN = 100;

    @Inject
    private transient DebtorStory story;

    @Inject
    private transient DebtorActions actions;

    @Inject
    private transient Promises promises;

    @Inject
    private transient ExactWriteBacks writeBacks;

    @Inject
    private transient Clock clock;

    @Inject
    private CockpitDivision cockpitDivision;

    @Inject
    private StaffBean staff;

    private Integer division;
    private String code;
    private String search;

    private final PagedModel<DebtorStory.Found> found = new PagedModel<>(
            () -> division() == null ? 0 : story.count(division(), search),
            (first, max, sort, ascending) -> story.search(division(), search, first, max),
            DebtorStory.Found::id);

    private transient DebtorStory.Header header;
    private transient boolean headerRead;
    private transient List<DebtorStory.OpenItem> openItems;
    private transient List<DebtorStory.ReminderLine> reminders;
    private transient List<DebtorStory.SkipLine> skips;
    private transient List<DebtorStory.DisputeLine> disputes;
    private transient List<DebtorStory.PromiseLine> promiseLines;
    private transient List<DebtorStory.PlanLine> plans;
    private transient List<DebtorStory.AuditLine> audit;
    private transient List<AccountWriteBack> accountWriteBacks;

    // the dialogs' fields
    private LocalDate until;
    private String reason;
    private BigDecimal amount;
    private LocalDate promisedDate;

    /** The division of the link, else the cockpit's. */
    public Integer division() {
        return division != null ? division : cockpitDivision.code();
    }

    public Integer getDivision() {
        return division;
    }

    public void setDivision(Integer division) {
        this.division = division;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null || code.isBlank() ? null : code.strip();
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public PagedModel<DebtorStory.Found> getFound() {
        return found;
    }

    public boolean isShowingDebtor() {
        return code != null;
    }

    public DebtorStory.Header getHeader() {
        if (!headerRead && code != null && division() != null) {
            header = story.header(division(), code, locale()).orElse(null);
            headerRead = true;
        }
        return header;
    }

    public List<DebtorStory.OpenItem> getOpenItems() {
        if (openItems == null) {
            openItems = getHeader() == null ? List.of() : story.openItems(division(), header.id(), today());
        }
        return openItems;
    }

    public List<DebtorStory.ReminderLine> getReminders() {
        if (reminders == null) {
            reminders = getHeader() == null ? List.of() : story.reminders(division(), header.id());
        }
        return reminders;
    }

    public List<DebtorStory.SkipLine> getSkips() {
        if (skips == null) {
            skips = getHeader() == null ? List.of() : story.skips(division(), header.id(), locale());
        }
        return skips;
    }

    public List<DebtorStory.DisputeLine> getDisputes() {
        if (disputes == null) {
            disputes = getHeader() == null ? List.of() : story.disputes(division(), header.id(), today());
        }
        return disputes;
    }

    public List<DebtorStory.PromiseLine> getPromises() {
        if (promiseLines == null) {
            promiseLines = getHeader() == null ? List.of() : story.promises(division(), header.id());
        }
        return promiseLines;
    }

    public List<DebtorStory.PlanLine> getPlans() {
        if (plans == null) {
            plans = getHeader() == null ? List.of() : story.plans(division(), header.id());
        }
        return plans;
    }

    public List<DebtorStory.AuditLine> getAudit() {
        if (audit == null) {
            audit = getHeader() == null ? List.of() : story.audit(division(), header.id());
        }
        return audit;
    }

    public List<AccountWriteBack> getWriteBacks() {
        if (accountWriteBacks == null) {
            accountWriteBacks = getHeader() == null ? List.of()
                    : writeBacks.ofAccount(division(), header.exactId(), WRITE_BACKS_SHOWN);
        }
        return accountWriteBacks;
    }

    /** Reads everything again after an action. */
    public void refresh() {
        headerRead = false;
        header = null;
        openItems = null;
        reminders = null;
        skips = null;
        disputes = null;
        promiseLines = null;
        plans = null;
        audit = null;
        accountWriteBacks = null;
    }

    // --- actions

    public void startAction() {
        until = null;
        reason = null;
        amount = null;
        promisedDate = null;
    }

    public void postpone() {
        act(() -> actions.postpone(division(), header().id(), until, reason, staff.actor()));
    }

    public void block() {
        act(() -> actions.block(division(), header().id(), reason, staff.actor()));
    }

    public void unblock() {
        act(() -> actions.unblock(division(), header().id(), staff.actor()));
    }

    public void hold() {
        act(() -> actions.hold(division(), header().id(), reason, staff.actor()));
    }

    public void releaseHold() {
        act(() -> actions.releaseHold(division(), header().id(), staff.actor()));
    }

    public void changeCreditLine() {
        act(() -> actions.changeCreditLine(division(), header().id(),
                amount == null ? null : Money.of(amount, header().currency()), staff.actor()));
    }

    public void promise() {
        act(() -> promises.make(division(), header().id(), promisedDate,
                amount == null ? null : Money.of(amount, header().currency()), staff.actor()));
    }

    public void cancelPromise(DebtorStory.PromiseLine promise) {
        act(() -> promises.cancel(division(), promise.id(), staff.actor()));
    }

    /**
     * Runs a collector's action: refused for auditors, a rule's sentence when the service refuses it, a plain
     * sentence (and the detail in the log) when it fails, and then the dialog stays open (validation failed); the
     * page is read again either way.
     */
    public void act(Runnable action) {
        if (!staff.isMayAct()) {
            Notices.error("debtor.notAllowed");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            action.run();
            Notices.info("debtor.saved");
        } catch (ActionRefused e) {
            Notices.error("refused." + e.refusal().name(), e.arguments());
            FacesContext.getCurrentInstance().validationFailed();
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "A collector's action on debtor " + code + " failed", e);
            Notices.error("debtor.failed");
            FacesContext.getCurrentInstance().validationFailed();
        } finally {
            refresh();
        }
    }

    private DebtorStory.Header header() {
        DebtorStory.Header h = getHeader();
        if (h == null) {
            throw new ActionRefused(ActionRefused.Refusal.NO_SUCH_DEBTOR, code);
        }
        return h;
    }

    public LocalDate getToday() {
        return today();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.ENGLISH;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public LocalDate getPromisedDate() {
        return promisedDate;
    }

    public void setPromisedDate(LocalDate promisedDate) {
        this.promisedDate = promisedDate;
    }
}

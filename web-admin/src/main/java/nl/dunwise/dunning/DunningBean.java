package nl.dunwise.dunning;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import nl.dunwise.cockpit.Moments;
import nl.dunwise.cockpit.Notices;
import nl.dunwise.cockpit.StaffBean;

/** The dunning panel: "run now" and the latest reminders. */
@Named("dunning")
@RequestScoped
public class DunningBean {

    @Inject
    private DunningService dunning;

    @Inject
    private StaffBean staff;

    @Inject
    private Moments moments;

    private List<ReminderView> latest;

    public void runNow() {
        DunningRunResult result = dunning.runNow(staff.actor());
        latest = null;
        if (result.sendsFrom() != null) {
            Notices.info("dunning.ranOutsideWindow", result.planned(), result.skipped(),
                    moments.format(result.sendsFrom(), FacesContext.getCurrentInstance().getViewRoot().getLocale()));
        } else {
            Notices.info("dunning.ran", result.planned(), result.sent(), result.skipped(), result.failed());
        }
        if (dunning.emailsWaitForInvoicePdfs()) {
            Notices.info("dunning.emailsWaitForPdfs");
        }
    }

    public List<ReminderView> getLatest() {
        if (latest == null) {
            latest = dunning.latestReminders(50);
        }
        return latest;
    }

    public long getSentCount() {
        return dunning.countByStatus(ReminderStatus.SENT);
    }

    public long getPlannedCount() {
        return dunning.countByStatus(ReminderStatus.PLANNED);
    }
}

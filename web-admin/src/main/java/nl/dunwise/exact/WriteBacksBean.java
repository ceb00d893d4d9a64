package nl.dunwise.exact;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.dunwise.cockpit.Notices;
import nl.dunwise.cockpit.StaffBean;
import nl.dunwise.exact.writeback.ExactWriteBacks;
import nl.dunwise.exact.writeback.WriteBackOverview;

/** The write-back queue on the Exact Online page: what waits, what failed, and "retry" for a failed one. */
@Named("writeBacks")
@RequestScoped
public class WriteBacksBean {

    /** Enough failures to see a pattern without scrolling through a day's worth. */
    private static final int FAILURES_SHOWN = 20;

    @Inject
    private ExactWriteBacks writeBacks;

    @Inject
    private StaffBean staff;

    private WriteBackOverview overview;

    public WriteBackOverview getOverview() {
        if (overview == null) {
            overview = writeBacks.overview(FAILURES_SHOWN);
        }
        return overview;
    }

    public void retry(long id) {
        if (!staff.isMayAct()) {
            Notices.error("writeback.notAllowed");
            return;
        }
        if (writeBacks.retry(id, staff.actor())) {
            Notices.info("writeback.retried");
        } else {
            Notices.error("writeback.notFailed");
        }
        overview = null;
    }
}

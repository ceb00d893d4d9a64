package nl.dunwise.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dunwise.exact.sync.DivisionSynced;

/**
 * Reviews a division's payment plans as soon as a sync brought its payments in, so that a paid instalment
 * stops its reminder and a completed plan is noted the same hour, not the next morning. A failed review is
 * logged and leaves the sync alone: the daily run reviews again.
 */
@ApplicationScoped
public class PlansAfterSync {

    private static final Logger LOG = Logger.getLogger(PlansAfterSync.class.getName());

    @Inject
    private PaymentPlans plans;

    @Inject
    private Clock clock;

    void onSynced(@Observes DivisionSynced event) {
        try {
            plans.review(event.division(), LocalDate.now(clock));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reviewing the payment plans of division " + event.division()
                    + " after its sync failed; the daily run reviews them again", e);
        }
    }
}

package nl.dunwise.sandbox.exact.webhook;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test switches of the dispatcher, set through {@code POST /api/sandbox/webhooks}: send every delivery
 * twice, or hold deliveries back a moment and send them newest first. In memory, like the faults.
 */
@ApplicationScoped
public class WebhookSwitches {

    private volatile boolean duplicate;
    private volatile boolean outOfOrder;

    public boolean duplicate() {
        return duplicate;
    }

    public boolean outOfOrder() {
        return outOfOrder;
    }

    public void set(Boolean duplicate, Boolean outOfOrder) {
        if (duplicate != null) {
            this.duplicate = duplicate;
        }
        if (outOfOrder != null) {
            this.outOfOrder = outOfOrder;
        }
    }
}

package nl.dunwise.sandbox.exact.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import nl.dunwise.sandbox.exact.SandboxSettings;

/**
 * Posts due deliveries to their callbacks every second, outside any transaction: a claim is committed
 * before the POST and the outcome after it, so a slow callback holds no lock and a crash means a resend.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    private static final int BATCH = 100;
    /** A claimed delivery not settled by then is sent again. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    /** In out-of-order mode deliveries wait this long so that several gather to be reversed. */
    private static final Duration DISORDER_HOLD = Duration.ofSeconds(2);

    private final CallbackClient callbacks = new CallbackClient(Duration.ofSeconds(10));
    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    WebhookStore store;

    @Inject
    WebhookSwitches switches;

    @Inject
    SandboxSettings settings;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "exact-sandbox-webhooks")
    void tick() {
        // A tick during a slow round is skipped rather than run beside it.
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            dispatch();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Exact sandbox: webhook round failed: " + e.getMessage(), e);
        } finally {
            running.set(false);
        }
    }

    private void dispatch() {
        Instant now = clock.instant();
        boolean outOfOrder = switches.outOfOrder();
        List<WebhookStore.Due> due = store.claim(outOfOrder ? now.minus(DISORDER_HOLD) : now, now.plus(LEASE), BATCH);
        String secret = settings.webhookSecret();
        for (WebhookStore.Due d : DeliveryPlan.arrange(due, switches.duplicate(), outOfOrder)) {
            Optional<String> problem = callbacks.deliver(URI.create(d.callbackUrl()),
                    HashCode.message(d.event().contentJson(), secret));
            Instant after = clock.instant();
            if (problem.isEmpty()) {
                store.delivered(d.id(), after);
                continue;
            }
            Optional<Instant> retry = DeliveryPlan.retryAt(d.attempts(), after);
            if (retry.isPresent()) {
                store.retryAt(d.id(), retry.get(), problem.get());
            } else {
                LOG.warning(() -> "Exact sandbox: gave up delivering " + d.event().topic() + " " + d.event().action()
                        + " " + d.event().key() + " to " + d.callbackUrl() + " after " + d.attempts() + " attempts: "
                        + problem.get());
                store.gaveUp(d.id(), after, problem.get());
            }
        }
    }
}

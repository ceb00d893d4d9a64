package nl.dunwise.dunning;

import java.util.Optional;

/**
 * One pass of the dispatcher: up to {@code limit} reminders of each channel sent one by one, each claimed and
 * committed in a transaction of its own. A channel that fails (mail server down, SMS gateway unavailable or
 * not configured) stops for this pass only, and the others go on: the next pass tries it again. The caller
 * decides how a transaction is run (the container, or a test or benchmark with its own entity manager).
 */
public final class DispatchPass {

    /** Sends the next planned reminder of a channel in a transaction of its own; empty when none is left. */
    @FunctionalInterface
    public interface SendNext {
        Optional<ReminderDispatcher.Outcome> inTransaction(Channel channel);
    }

    private DispatchPass() {
    }

    public static DunningRunResult run(int limit, SendNext sendNext) {
        int sent = 0;
        int skipped = 0;
        int failed = 0;
        for (Channel channel : ReminderDispatcher.ONE_BY_ONE) {
            for (int i = 0; i < limit; i++) {
                Optional<ReminderDispatcher.Outcome> outcome = sendNext.inTransaction(channel);
                if (outcome.isEmpty()) {
                    break;
                }
                switch (outcome.get()) {
                    case SENT -> sent++;
                    case SKIPPED -> skipped++;
                    case FAILED, FAILED_ATTEMPT -> failed++;
                }
                if (outcome.get() == ReminderDispatcher.Outcome.FAILED_ATTEMPT) {
                    break;
                }
            }
        }
        return new DunningRunResult(0, sent, skipped, failed, null);
    }
}

package nl.dunwise.dunning;

import java.util.Optional;
import java.util.function.Supplier;

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
        return run(limit, sendNext, () -> Optional.empty());
    }

    /**
     * The scenario reminders of each channel, then the reminders of late payment-plan instalments (email, over
     * the same connection), each up to {@code limit}.
     */
    public static DunningRunResult run(int limit, SendNext sendNext, Supplier<Optional<ReminderDispatcher.Outcome>> nextInstalment) {
        int[] counts = new int[3];
        for (Channel channel : ReminderDispatcher.ONE_BY_ONE) {
            drain(limit, () -> sendNext.inTransaction(channel), counts);
        }
        drain(limit, nextInstalment, counts);
        return new DunningRunResult(0, counts[0], counts[1], counts[2], null);
    }

    /** Sends until none is left, the limit is reached or the channel fails; counts sent, skipped, failed. */
    private static void drain(int limit, Supplier<Optional<ReminderDispatcher.Outcome>> next, int[] counts) {
        for (int i = 0; i < limit; i++) {
            Optional<ReminderDispatcher.Outcome> outcome = next.get();
            if (outcome.isEmpty()) {
                return;
            }
            switch (outcome.get()) {
                case SENT -> counts[0]++;
                case SKIPPED -> counts[1]++;
                case FAILED, FAILED_ATTEMPT -> counts[2]++;
            }
            if (outcome.get() == ReminderDispatcher.Outcome.FAILED_ATTEMPT) {
                return;
            }
        }
    }
}

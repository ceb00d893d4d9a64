package nl.dunwise.dunning;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One pass of the dispatcher: up to {@code limit} reminders of each channel, sent in batches, each batch claimed
 * and committed in a transaction of its own; then the reminders of late payment-plan instalments. An SMS goes in a
 * batch of its own: a crash between the gateway's acceptance and the commit sends the batch again, and a text
 * message has no Message-ID that a phone would recognise. A channel that fails (mail server down, SMS gateway
 * unavailable or not configured) stops for this pass only, and the others go on: the next pass tries it again.
 * The caller decides how a transaction is run (the container, or a test or benchmark with its own entity manager).
 */
public final class DispatchPass {

    /** Sends up to {@code max} planned reminders of a channel in a transaction of its own; empty when none is left. */
    @FunctionalInterface
    public interface SendBatch {
        List<ReminderDispatcher.Outcome> inTransaction(Channel channel, int max);
    }

    /** Reminders per transaction: a commit per batch instead of per email, and a crash resends at most a batch. */
    public static final int DEFAULT_BATCH = 20;

    /** Passes side by side: each waits on the mail server and the database most of the time. */
    public static final int DEFAULT_PARALLELISM = 2;

    private DispatchPass() {
    }

    /** The results of passes run side by side, added up. */
    public static DunningRunResult sum(List<DunningRunResult> passes) {
        return new DunningRunResult(0, passes.stream().mapToInt(DunningRunResult::sent).sum(),
                passes.stream().mapToInt(DunningRunResult::skipped).sum(),
                passes.stream().mapToInt(DunningRunResult::failed).sum(), null);
    }

    /** {@code batch}: how many email reminders (or call tasks) one transaction claims and sends. */
    public static DunningRunResult run(int limit, int batch, SendBatch sendBatch) {
        return run(limit, batch, sendBatch, Optional::empty);
    }

    /**
     * The scenario reminders of each channel in batches, then up to {@code limit} reminders of late payment-plan
     * instalments (email, over the same connection, each in a transaction of its own).
     */
    public static DunningRunResult run(int limit, int batch, SendBatch sendBatch,
            Supplier<Optional<ReminderDispatcher.Outcome>> nextInstalment) {
        if (batch < 1) {
            throw new IllegalArgumentException("A dispatch batch holds at least one reminder, not " + batch);
        }
        int[] counts = new int[3];
        for (Channel channel : ReminderDispatcher.DISPATCHED) {
            int size = channel == Channel.SMS ? 1 : batch;
            int done = 0;
            while (done < limit) {
                int max = Math.min(size, limit - done);
                List<ReminderDispatcher.Outcome> outcomes = sendBatch.inTransaction(channel, max);
                outcomes.forEach(outcome -> count(outcome, counts));
                done += outcomes.size();
                // Fewer than asked: none left to claim, or the channel is down and the rest stayed planned.
                if (outcomes.size() < max || outcomes.contains(ReminderDispatcher.Outcome.FAILED_ATTEMPT)) {
                    break;
                }
            }
        }
        for (int i = 0; i < limit; i++) {
            Optional<ReminderDispatcher.Outcome> outcome = nextInstalment.get();
            if (outcome.isEmpty()) {
                break;
            }
            count(outcome.get(), counts);
            if (outcome.get() == ReminderDispatcher.Outcome.FAILED_ATTEMPT) {
                break;
            }
        }
        return new DunningRunResult(0, counts[0], counts[1], counts[2], null);
    }

    private static void count(ReminderDispatcher.Outcome outcome, int[] counts) {
        switch (outcome) {
            case SENT -> counts[0]++;
            case SKIPPED -> counts[1]++;
            case FAILED, FAILED_ATTEMPT -> counts[2]++;
        }
    }
}

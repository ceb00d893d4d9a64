package nl.dunwise.dunning;

import java.util.List;

/**
 * One pass of the dispatcher: up to {@code limit} reminders of each channel, sent in batches, each batch claimed
 * and committed in a transaction of its own. An SMS goes in a batch of its own: a crash between the gateway's
 * acceptance and the commit sends the batch again, and a text message has no Message-ID that a phone would
 * recognise. A channel that fails (mail server down, SMS gateway unavailable or not configured) stops for this
 * pass only, and the others go on: the next pass tries it again. The caller decides how a transaction is run (the
 * container, or a test or benchmark with its own entity manager).
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
        if (batch < 1) {
            throw new IllegalArgumentException("A dispatch batch holds at least one reminder, not " + batch);
        }
        int sent = 0;
        int skipped = 0;
        int failed = 0;
        for (Channel channel : ReminderDispatcher.DISPATCHED) {
            int size = channel == Channel.SMS ? 1 : batch;
            int done = 0;
            while (done < limit) {
                int max = Math.min(size, limit - done);
                List<ReminderDispatcher.Outcome> outcomes = sendBatch.inTransaction(channel, max);
                for (ReminderDispatcher.Outcome outcome : outcomes) {
                    switch (outcome) {
                        case SENT -> sent++;
                        case SKIPPED -> skipped++;
                        case FAILED, FAILED_ATTEMPT -> failed++;
                    }
                }
                done += outcomes.size();
                // Fewer than asked: none left to claim, or the channel is down and the rest stayed planned.
                if (outcomes.size() < max || outcomes.contains(ReminderDispatcher.Outcome.FAILED_ATTEMPT)) {
                    break;
                }
            }
        }
        return new DunningRunResult(0, sent, skipped, failed, null);
    }
}

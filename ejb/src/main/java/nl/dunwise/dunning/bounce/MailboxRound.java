package nl.dunwise.dunning.bounce;

/**
 * What one round over the bounce mailbox did. Recorded, repeated and delivery-only reports were removed
 * from the mailbox; the others stay there for a person and are marked so that later rounds pass them by.
 *
 * @param recorded   reports with at least one new bounce
 * @param repeated   reports recorded before (read twice, e.g. by two servers)
 * @param deliveries reports of successful delivery only
 * @param unmatched  reports about no reminder email of ours (kept)
 * @param notReports mails that are no delivery report: replies, out-of-office notes (kept)
 * @param malformed  reports that cannot be read (kept)
 * @param failed     reports whose recording failed (kept and tried again next round)
 */
public record MailboxRound(int recorded, int repeated, int deliveries, int unmatched, int notReports, int malformed,
        int failed) {

    public int kept() {
        return unmatched + notReports + malformed;
    }

    public boolean isQuiet() {
        return recorded + repeated + deliveries + kept() + failed == 0;
    }

    @Override
    public String toString() {
        return recorded + " recorded, " + repeated + " read before, " + deliveries + " delivery notices, " + unmatched
                + " about no reminder, " + notReports + " not a delivery report, " + malformed + " unreadable, "
                + failed + " failed to record";
    }
}

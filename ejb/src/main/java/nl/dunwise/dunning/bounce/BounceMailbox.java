package nl.dunwise.dunning.bounce;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * One round over the bounce mailbox (IMAP): every report not passed by before is parsed and handed to the
 * recorder; what was recorded (or needs no recording) is deleted, what cannot be matched or read is kept and
 * marked with the keyword {@value #KEPT}, so that a person can look at it and later rounds skip it. A mail that
 * fails never stops the round.
 */
public final class BounceMailbox {

    private static final Logger LOG = Logger.getLogger(BounceMailbox.class.getName());

    /** IMAP keyword on mails left for a person. */
    static final String KEPT = "DunwiseKept";
    private static final int TIMEOUT_MILLIS = 20_000;

    /** Where the bounce mailbox is; {@code ssl} means IMAPS (port 993 in production). */
    public record Settings(String host, int port, boolean ssl, String user, String password, String folder) {
        @Override
        public String toString() {
            return (ssl ? "imaps" : "imap") + "://" + user + "@" + host + ":" + port + "/" + folder;
        }
    }

    private BounceMailbox() {
    }

    /**
     * Reads up to {@code max} mails. Connection and login failures (server down, wrong password, time-outs)
     * are thrown: nothing was changed, the next round tries again.
     */
    public static MailboxRound read(Settings settings, Function<DeliveryReport, EmailBounces.Outcome> recorder, int max)
            throws MessagingException {
        String protocol = settings.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
        properties.put("mail." + protocol + ".timeout", Integer.toString(TIMEOUT_MILLIS));
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect(settings.host(), settings.port(), settings.user(), settings.password());
        try {
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            Counts counts = new Counts();
            try {
                Message[] waiting = folder.search(new FlagTerm(new Flags(KEPT), false));
                for (Message mail : Arrays.copyOf(waiting, Math.min(max, waiting.length))) {
                    handle(mail, recorder, counts);
                }
            } finally {
                folder.close(true);
            }
            return counts.round();
        } finally {
            store.close();
        }
    }

    private static void handle(Message mail, Function<DeliveryReport, EmailBounces.Outcome> recorder, Counts counts)
            throws MessagingException {
        Optional<DeliveryReport> report;
        try {
            report = DeliveryReports.parse((MimeMessage) mail);
        } catch (MalformedReportException | ClassCastException e) {
            LOG.warning("Kept an unreadable mail in the bounce mailbox (" + subject(mail) + "): " + e.getMessage());
            counts.malformed++;
            keep(mail);
            return;
        }
        if (report.isEmpty()) {
            counts.notReports++;
            keep(mail);
            return;
        }
        EmailBounces.Outcome outcome;
        try {
            outcome = recorder.apply(report.get());
        } catch (RuntimeException e) {
            // The database may be away for a moment: the mail stays unmarked and the next round records it.
            LOG.warning("Could not record the bounce report " + report.get().key() + ": " + e.getMessage());
            counts.failed++;
            return;
        }
        switch (outcome) {
            case RECORDED -> counts.recorded++;
            case ALREADY_RECORDED -> counts.repeated++;
            case NOTHING_TO_RECORD -> counts.deliveries++;
            case UNMATCHED -> counts.unmatched++;
        }
        if (outcome == EmailBounces.Outcome.UNMATCHED) {
            keep(mail);
        } else {
            mail.setFlag(Flags.Flag.DELETED, true);
        }
    }

    private static void keep(Message mail) throws MessagingException {
        mail.setFlags(new Flags(KEPT), true);
    }

    private static String subject(Message mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            return "no readable subject";
        }
    }

    private static final class Counts {
        int recorded;
        int repeated;
        int deliveries;
        int unmatched;
        int notReports;
        int malformed;
        int failed;

        MailboxRound round() {
            return new MailboxRound(recorded, repeated, deliveries, unmatched, notReports, malformed, failed);
        }
    }
}

package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.dunning.bounce.BounceAddresses;
import nl.dunwise.dunning.bounce.BounceMailbox;
import nl.dunwise.dunning.bounce.BouncingAddress;
import nl.dunwise.dunning.bounce.DeliveryReport;
import nl.dunwise.dunning.bounce.DeliveryReports;
import nl.dunwise.dunning.bounce.EmailBounces;
import nl.dunwise.dunning.bounce.EmailBounces.Outcome;
import nl.dunwise.dunning.bounce.MailboxRound;
import nl.dunwise.dunning.bounce.SampleReports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bounces recorded on PostgreSQL: matched by the VERP address or the returned Message-ID, once per report, the
 * reminder BOUNCED and the address flagged, which holds back the next email step until it is cleared; and the
 * bounce mailbox read over IMAP from GreenMail, with the reminder's VERP envelope sender sent over its SMTP.
 */
class EmailBouncesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z");
    private static final BounceAddresses ADDRESSES = new BounceAddresses(Optional.of("bounces@dunwise.example"),
            Optional.of("demo-only-portal-link-secret"));

    private static Ledger ledger;
    private static EntityManagerFactory jpa;
    private static GreenMail greenMail;

    @BeforeAll
    static void start() throws SQLException {
        ledger = new Ledger(EmailBouncesTest.class);
        jpa = ledger.entityManagerFactory();
        // Ports of the system's choosing: parallel builds and the ./dunwise stacks never meet.
        greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        greenMail.start();
    }

    @AfterAll
    static void stop() throws SQLException {
        greenMail.stop();
        jpa.close();
        ledger.close();
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        return StandaloneDispatch.inTransaction(jpa, work);
    }

    private static EmailBounces bounces(EntityManager em) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new EmailBounces(em, new AuditLog(em, clock), ADDRESSES, clock);
    }

    private static Outcome record(DeliveryReport report) {
        return inTransaction(em -> bounces(em).record(report));
    }

    /**
     * A sample report about a sent reminder, with a Message-ID of its own: the samples share theirs, and a report
     * is recorded once by its Message-ID.
     */
    private static MimeMessage reportMail(Sent about, String sample, String returnedTo, String messageId) throws MessagingException {
        MimeMessage mail = SampleReports.mail(sample, returnedTo, messageId);
        mail.setHeader("Message-ID", "<" + sample + "-" + about.reminder() + "@reports.example>");
        return mail;
    }

    private static DeliveryReport report(Sent about, String sample, String returnedTo, String messageId) throws Exception {
        return DeliveryReports.parse(reportMail(about, sample, returnedTo, messageId)).orElseThrow();
    }

    private record Sent(long reminder, long debtor, int division, String address, String messageId) {
        String verp() {
            return ADDRESSES.envelopeSender(reminder).orElseThrow();
        }
    }

    /** The first reminder (+7, by email) of a debtor 10 days late, sent as the dispatcher marks it. */
    private static Sent sentReminder(String debtorCode) throws SQLException {
        int division = ledger.division();
        long debtor = ledger.debtor(division, debtorCode);
        ledger.invoice(debtor, TODAY.minusDays(10), "250.00");
        new ReminderPlanner(ledger.dataSource()).plan(division, "EUR", TODAY, PlanningRunTest.POLICY, NOW);
        long reminder = ledger.id("SELECT id FROM reminder WHERE debtor_id = " + debtor);
        String messageId = "<reminder-" + reminder + "." + division + "@dunwise>";
        String address = debtorCode + "@example.com";
        ledger.execute("UPDATE reminder SET status = 'SENT', recipient = '" + address + "', message_id = '" + messageId
                + "', sent_at = now() WHERE id = " + reminder);
        return new Sent(reminder, debtor, division, address, messageId);
    }

    private static List<String> trail(Sent sent) throws SQLException {
        return ledger.rows("SELECT action FROM audit_event WHERE (subject_type = 'Reminder' AND subject_id = ?) "
                + "OR (subject_type = 'Debtor' AND subject_id = ?) ORDER BY id", Long.toString(sent.reminder()), Long.toString(sent.debtor()));
    }

    @Test
    void aHardBounceMarksTheReminderAndFlagsTheAddressOnceHoweverOftenTheReportIsRead() throws Exception {
        Sent sent = sentReminder("hard");
        DeliveryReport report = report(sent, "postfix-user-unknown", sent.verp(), "<not-ours@elsewhere>");

        assertEquals(Outcome.RECORDED, record(report));
        assertEquals(Outcome.ALREADY_RECORDED, record(report));

        assertEquals(List.of("info@bakkerij-devries.nl | HARD | 5.1.1 | 2026-11-25 09:02:13+00"),
                ledger.rows("SELECT recipient, kind, status_code, received_at AT TIME ZONE 'UTC' || '+00' FROM email_bounce WHERE reminder_id = ?",
                        sent.reminder()));
        assertEquals("BOUNCED", ledger.rows("SELECT status FROM reminder WHERE id = ?", sent.reminder()).get(0));
        assertEquals(sent.address(), ledger.rows("SELECT bouncing_email FROM debtor WHERE id = ?", sent.debtor()).get(0));
        assertEquals(List.of("EMAIL_BOUNCED"), trail(sent));
    }

    @Test
    void aReportThatLostTheBounceAddressIsMatchedOnTheReturnedMessageId() throws Exception {
        Sent sent = sentReminder("mangled");
        assertEquals(Outcome.RECORDED, record(report(sent, "exchange-online-recipient-not-found", "noreply@dunwise.example", sent.messageId())));
        assertEquals("BOUNCED", ledger.rows("SELECT status FROM reminder WHERE id = ?", sent.reminder()).get(0));

        Sent gmail = sentReminder("gmail");
        assertEquals(Outcome.RECORDED, record(report(gmail, "gmail-no-such-user", "bounces@dunwise.example", gmail.messageId())));
        assertEquals("BOUNCED", ledger.rows("SELECT status FROM reminder WHERE id = ?", gmail.reminder()).get(0));
    }

    @Test
    void aForgedOrForeignReportMatchesNothing() throws Exception {
        Sent sent = sentReminder("forged");
        String forged = sent.verp().replaceAll("\\.[0-9a-f]{12}@", ".000000000000@");
        assertEquals(Outcome.UNMATCHED, record(report(sent, "postfix-user-unknown", forged, "<someone-else@example.org>")));
        assertEquals("SENT", ledger.rows("SELECT status FROM reminder WHERE id = ?", sent.reminder()).get(0));
    }

    @Test
    void aDelayIsRecordedButTheReminderStandsAndTheAddressStaysInUse() throws Exception {
        Sent sent = sentReminder("delayed");
        assertEquals(Outcome.RECORDED, record(report(sent, "postfix-delayed", sent.verp(), sent.messageId())));

        assertEquals(List.of("SOFT | 4.4.1"), ledger.rows("SELECT kind, status_code FROM email_bounce WHERE reminder_id = ?", sent.reminder()));
        assertEquals("SENT | null", ledger.rows("SELECT r.status, d.bouncing_email FROM reminder r JOIN debtor d ON d.id = r.debtor_id "
                + "WHERE r.id = ?", sent.reminder()).get(0));
        assertEquals(List.of("EMAIL_DELAYED"), trail(sent));
    }

    @Test
    void theNextEmailStepWaitsUntilTheFlagIsClearedOrExactHasAnotherAddress() throws Exception {
        Sent sent = sentReminder("held-back");
        record(report(sent, "postfix-user-unknown", sent.verp(), sent.messageId()));
        ReminderPlanner planner = new ReminderPlanner(ledger.dataSource());
        LocalDate secondStep = TODAY.plusDays(14);

        assertTrue(inTransaction(em -> bounces(em).bounceOf(sent.debtor(), sent.address().toUpperCase())).orElseThrow()
                .startsWith("Email to " + sent.address().toUpperCase() + " bounced on 2026-11-25T09:02:13Z (5.1.1"));
        assertEquals(new PlanningResult(0, 1), planner.plan(sent.division(), "EUR", secondStep, PlanningRunTest.POLICY, NOW));
        assertEquals(List.of("EMAIL_BOUNCED | {held-back@example.com,2026-11-25,5.1.1}"),
                ledger.rows("SELECT reason, detail_values FROM dunning_skip WHERE debtor_id = ?", sent.debtor()));
        List<BouncingAddress> listed = inTransaction(em -> bounces(em).bouncing(sent.division()));
        assertEquals(1, listed.size());
        assertEquals("held-back | held-back@example.com | 5.1.1 | true", listed.get(0).debtorCode() + " | " + listed.get(0).address()
                + " | " + listed.get(0).statusCode() + " | " + listed.get(0).current());

        boolean cleared = inTransaction(em -> bounces(em).clear(sent.division(), sent.debtor(), Actor.staff("colin")));
        boolean clearedAgain = inTransaction(em -> bounces(em).clear(sent.division(), sent.debtor(), Actor.staff("colin")));
        assertTrue(cleared);
        assertFalse(clearedAgain, "cleared once");
        assertEquals(Optional.empty(), inTransaction(em -> bounces(em).bounceOf(sent.debtor(), sent.address())));
        assertEquals(new PlanningResult(1, 0), planner.plan(sent.division(), "EUR", secondStep.plusDays(1), PlanningRunTest.POLICY, NOW));
        assertEquals(List.of("EMAIL_BOUNCED", "EMAIL_BOUNCE_CLEARED"), trail(sent));

        Sent moved = sentReminder("moved");
        record(report(moved, "postfix-user-unknown", moved.verp(), moved.messageId()));
        ledger.execute("UPDATE debtor SET email = 'new-address@example.com' WHERE id = " + moved.debtor());
        assertEquals(new PlanningResult(1, 0), planner.plan(moved.division(), "EUR", secondStep, PlanningRunTest.POLICY, NOW),
                "a new address from Exact is mailed at once");
        assertEquals(Optional.empty(), inTransaction(em -> bounces(em).bounceOf(moved.debtor(), "new-address@example.com")));
    }

    @Test
    void eachReminderLeavesWithItsOwnVerpEnvelopeSenderOverOneConnection() throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
        smtp.put("mail.smtp.from", "postmaster@dunwise.example");
        Session session = Session.getInstance(smtp);
        String first = ADDRESSES.envelopeSender(4711).orElseThrow();
        String second = ADDRESSES.envelopeSender(4712).orElseThrow();

        try (MailConnection connection = new MailConnection(session)) {
            connection.send(message(session, 4711), Optional.of(first));
            connection.send(message(session, 4712), Optional.of(second));
            connection.send(message(session, 4713), Optional.empty());
        }

        List<String> returnPaths = new java.util.ArrayList<>();
        for (MimeMessage received : greenMail.getReceivedMessagesForDomain("envelope@example.com")) {
            returnPaths.add(received.getMessageID() + " " + received.getHeader("Return-Path", null));
        }
        assertEquals(List.of("<reminder-4711.1@dunwise> <" + first + ">", "<reminder-4712.1@dunwise> <" + second + ">",
                "<reminder-4713.1@dunwise> <postmaster@dunwise.example>"), returnPaths,
                "per message, and without one the session's own sender again");
        assertEquals("postmaster@dunwise.example", smtp.getProperty("mail.smtp.from"), "the shared session is left as it was");
    }

    private static MimeMessage message(Session session, long reminder) throws Exception {
        return ReminderMail.build(session, "noreply@dunwise.example", "envelope@example.com", "<reminder-" + reminder + ".1@dunwise>",
                new RenderedMessage("Herinnering", "<p>Betaal</p>", "Betaal"), List.of(), NOW);
    }

    @Test
    void theMailboxRoundRecordsAndDeletesReportsAndKeepsWhatItCannotUse() throws Exception {
        Sent sent = sentReminder("mailbox");
        GreenMailUser mailbox = greenMail.setUser("bounces@dunwise.example", "bounces", "demo-only-bounce-password");
        mailbox.deliver(reportMail(sent, "postfix-user-unknown", sent.verp(), sent.messageId()));
        mailbox.deliver(reportMail(sent, "postfix-user-unknown", sent.verp(), sent.messageId()));
        mailbox.deliver(SampleReports.mail("out-of-office", sent.verp(), sent.messageId()));
        mailbox.deliver(SampleReports.mail("malformed-report", sent.verp(), sent.messageId()));
        mailbox.deliver(SampleReports.mail("gmail-no-such-user", "bounces@dunwise.example", "<unknown@elsewhere>"));
        BounceMailbox.Settings settings = new BounceMailbox.Settings("127.0.0.1", greenMail.getImap().getPort(), false,
                "bounces", "demo-only-bounce-password", "INBOX");

        MailboxRound first = BounceMailbox.read(settings, EmailBouncesTest::record, 100);
        MailboxRound second = BounceMailbox.read(settings, EmailBouncesTest::record, 100);

        assertEquals(new MailboxRound(1, 1, 0, 1, 1, 1, 0), first);
        assertTrue(second.isQuiet(), "kept mails are passed by: " + second);
        assertEquals(List.of("mailbox | HARD"), ledger.rows("SELECT d.code, b.kind FROM email_bounce b JOIN debtor d ON d.id = b.debtor_id "
                + "WHERE b.reminder_id = ?", sent.reminder()));
        assertEquals(List.of("Automatisch antwoord: Herinnering: openstaande facturen (kept)", "Returned mail (kept)",
                "Delivery Status Notification (Failure) (kept)"), left(mailbox));
    }

    @Test
    void aRoundWhoseRecordingFailsLeavesTheReportForTheNextRound() throws Exception {
        GreenMailUser flaky = greenMail.setUser("flaky@dunwise.example", "flaky", "pw");
        flaky.deliver(SampleReports.mail("postfix-delayed", "bounces@dunwise.example", "<x@y>"));
        BounceMailbox.Settings settings = new BounceMailbox.Settings("127.0.0.1", greenMail.getImap().getPort(), false,
                "flaky", "pw", "INBOX");

        MailboxRound failed = BounceMailbox.read(settings, report -> {
            throw new IllegalStateException("database away");
        }, 100);
        assertEquals(1, failed.failed());
        assertEquals(List.of("Delayed Mail (still being retried)"), left(flaky), "left in the mailbox, unmarked");

        MailboxRound retried = BounceMailbox.read(settings, report -> Outcome.NOTHING_TO_RECORD, 100);
        assertEquals(1, retried.deliveries());
        assertEquals(List.of(), left(flaky));
    }

    /** The subjects of the mails in the user's inbox, "(kept)" for those marked for a person. */
    private static List<String> left(GreenMailUser user) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (StoredMessage left : greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
            subjects.add(left.getMimeMessage().getSubject() + (left.getFlags().contains("DunwiseKept") ? " (kept)" : ""));
        }
        return subjects;
    }
}

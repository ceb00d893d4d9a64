package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.InputStream;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.dunwise.portal.PaymentLinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher sends each planned email reminder exactly once, on a real PostgreSQL (a database of its own)
 * and a real SMTP server (GreenMail), with the classes the container runs ({@link StandaloneDispatch}): when
 * the timer fires twice, when two servers dispatch at once, and what a crash between the SMTP hand-over and
 * the commit can cause (the same message a second time, with the same Message-ID; nothing lost, one note).
 */
class DispatchExactlyOnceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    private static final int REMINDERS = 24;

    private static Ledger ledger;
    private static EntityManagerFactory server1;
    private static EntityManagerFactory server2;
    private GreenMail smtp;
    private Session mailSession;
    private int division;

    @BeforeAll
    static void createDatabase() throws SQLException {
        ledger = new Ledger(DispatchExactlyOnceTest.class);
        // Two servers: each its own JPA unit with its own connections, as two Payara instances would have.
        server1 = ledger.entityManagerFactory();
        server2 = ledger.entityManagerFactory();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        server1.close();
        server2.close();
        ledger.close();
    }

    @BeforeEach
    void startSmtpAndPlan() throws SQLException {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        mailSession = session(smtp.getSmtp().getPort());
        // Each test has a division of its own, so that it sees only its own reminders and notes.
        ledger.execute("UPDATE reminder SET status = 'SKIPPED' WHERE status = 'PLANNED'");
        division = ledger.division();
        inTransaction(server1, em -> {
            new DefaultScenarios(em, CLOCK).addMissingTemplates();
            return null;
        });
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private static Session session(int port) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.connectiontimeout", "5000");
        p.setProperty("mail.smtp.timeout", "5000");
        p.setProperty("mail.from", "debiteuren@example.com");
        return Session.getInstance(p);
    }

    private StandaloneDispatch dispatch() {
        return new StandaloneDispatch(ledger.dataSource(), mailSession, "Debiteuren <debiteuren@example.com>",
                new PaymentLinks(Optional.of("a-secret-of-at-least-16-chars"), 60, "https://pay.example.com", CLOCK), CLOCK);
    }

    /** {@code n} debtors, each with an invoice 10 days late: the standard scenario's first reminder by email. */
    private List<Long> planEmailReminders(int n) throws SQLException {
        for (int i = 1; i <= n; i++) {
            long debtor = ledger.debtor(division, "d" + division + "-" + i);
            ledger.invoice(debtor, TODAY.minusDays(10), (100 + i) + ".00");
        }
        new ReminderPlanner(ledger.dataSource()).plan(division, "EUR", TODAY, PlanningRunTest.POLICY,
                TODAY.atTime(6, 0).toInstant(ZoneOffset.UTC));
        List<Long> ids = ledger.rows("SELECT id FROM reminder WHERE division = ? AND status = 'PLANNED' AND channel = 'EMAIL' ORDER BY id", division)
                .stream().map(Long::valueOf).toList();
        assertEquals(n, ids.size(), "planned");
        return ids;
    }

    private static <T> T inTransaction(EntityManagerFactory jpa, java.util.function.Function<EntityManager, T> work) {
        return StandaloneDispatch.inTransaction(jpa, work);
    }

    /** Starts every pass at the same moment, as a timer firing twice or two servers' timers would. */
    private List<DunningRunResult> atOnce(List<Callable<DunningRunResult>> passes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(passes.size());
        CyclicBarrier start = new CyclicBarrier(passes.size());
        try {
            List<Callable<DunningRunResult>> started = passes.stream().<Callable<DunningRunResult>>map(p -> () -> {
                start.await();
                return p.call();
            }).toList();
            List<DunningRunResult> results = new ArrayList<>();
            for (Future<DunningRunResult> f : pool.invokeAll(started)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> messageIds() throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            ids.add(m.getMessageID());
        }
        return ids;
    }

    /** Every reminder SENT once with its own Message-ID, one email each, one note each on the outbox. */
    private void eachSentExactlyOnce(List<Long> reminders, List<DunningRunResult> passes) throws Exception {
        assertEquals(reminders.size(), passes.stream().mapToInt(DunningRunResult::sent).sum(), "sends counted by the passes");
        assertEquals(0, passes.stream().mapToInt(DunningRunResult::failed).sum());
        List<String> ids = messageIds();
        assertEquals(reminders.size(), ids.size(), "emails received");
        assertEquals(reminders.size(), new HashSet<>(ids).size(), "no Message-ID twice");
        for (long id : reminders) {
            assertEquals(List.of("SENT | <reminder-" + id + "." + division + "@dunwise> | 1"), ledger.rows("""
                    SELECT r.status, r.message_id, (SELECT count(*) FROM exact_writeback w
                                                    WHERE w.kind = 'NOTE' AND w.source = 'reminder:' || r.id)
                    FROM reminder r WHERE r.id = ?""", id));
            assertTrue(ids.contains("<reminder-" + id + "." + division + "@dunwise>"), "reminder " + id + " went out");
        }
        assertEquals(List.of(Integer.toString(reminders.size())),
                ledger.rows("SELECT count(*) FROM exact_writeback WHERE division = ? AND kind = 'NOTE'", division));
        assertEquals(List.of(Integer.toString(reminders.size())),
                ledger.rows("SELECT count(*) FROM audit_event WHERE division = ? AND action = 'REMINDER_SENT'", division));
    }

    @Test
    void aTimerThatFiresTwiceSendsEveryReminderOnce() throws Exception {
        List<Long> reminders = planEmailReminders(REMINDERS);

        List<DunningRunResult> passes = atOnce(List.of(
                () -> dispatch().pass(server1, Integer.MAX_VALUE),
                () -> dispatch().pass(server1, Integer.MAX_VALUE)));

        eachSentExactlyOnce(reminders, passes);
    }

    @Test
    void twoServersDispatchingTheSameRemindersSendEachOnce() throws Exception {
        List<Long> reminders = planEmailReminders(REMINDERS);

        List<DunningRunResult> passes = atOnce(List.of(
                () -> dispatch().pass(server1, Integer.MAX_VALUE),
                () -> dispatch().pass(server1, Integer.MAX_VALUE),
                () -> dispatch().pass(server2, Integer.MAX_VALUE),
                () -> dispatch().pass(server2, Integer.MAX_VALUE)));

        eachSentExactlyOnce(reminders, passes);
        assertTrue(passes.stream().filter(p -> p.sent() > 0).count() >= 2,
                "the passes shared the work rather than one taking all: " + passes);
    }

    @Test
    void aCrashBetweenTheHandOverAndTheCommitSendsTheSameMessageAgainAndQueuesOneNote() throws Exception {
        long reminder = planEmailReminders(1).get(0);
        String messageId = "<reminder-" + reminder + "." + division + "@dunwise>";

        // The SMTP server accepted the message, then the server died before the commit: PostgreSQL rolls back
        // the transaction of a connection that is gone, which is what this rollback does.
        EntityManager em = server1.createEntityManager();
        try (MailConnection mail = new MailConnection(mailSession)) {
            em.getTransaction().begin();
            assertEquals(List.of(ReminderDispatcher.Outcome.SENT), dispatch().dispatcher(em).sendBatch(Channel.EMAIL, mail, 20));
            em.getTransaction().rollback();
        } finally {
            em.close();
        }
        assertEquals(List.of(messageId), messageIds(), "the mail went out");
        assertEquals(List.of("PLANNED | null | 0"), ledger.rows("""
                SELECT status, message_id, (SELECT count(*) FROM exact_writeback WHERE source = 'reminder:' || reminder.id)
                FROM reminder WHERE id = ?""", reminder), "the database knows nothing of it");

        DunningRunResult next = dispatch().pass(server2, Integer.MAX_VALUE);

        assertEquals(1, next.sent());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(List.of(messageId, messageId), messageIds(),
                "the one thing a crash can cause: the same message delivered twice, with the same Message-ID");
        assertEquals(received[0].getSubject(), received[1].getSubject());
        assertEquals(List.of("SENT | " + messageId + " | 1"), ledger.rows("""
                SELECT status, message_id, (SELECT count(*) FROM exact_writeback WHERE source = 'reminder:' || reminder.id)
                FROM reminder WHERE id = ?""", reminder), "sent, and its note queued once");

        assertEquals(0, dispatch().pass(server1, Integer.MAX_VALUE).sent(), "and nothing is left to send");
        assertEquals(2, smtp.getReceivedMessages().length);
    }

    @Test
    void eachEmailOfABatchGoesToItsOwnDebtorWithItsOwnInvoices() throws Exception {
        List<Long> reminders = planEmailReminders(3);

        DunningRunResult pass = dispatch().pass(server1, Integer.MAX_VALUE, 20);

        assertEquals(3, pass.sent());
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String id = m.getMessageID().replaceAll("<reminder-(\\d+)\\..*", "$1");
            String debtor = ledger.rows("SELECT d.code FROM reminder r JOIN debtor d ON d.id = r.debtor_id WHERE r.id = ?",
                    Long.valueOf(id)).get(0);
            assertEquals(debtor + "@example.com", m.getAllRecipients()[0].toString());
            String text = (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
            assertTrue(text.contains(debtor + "-1"), "the invoice of debtor " + debtor + " in: " + text);
            for (String other : ledger.rows("SELECT d.code FROM debtor d WHERE d.division = ? AND d.code <> ?", division, debtor)) {
                assertTrue(!text.contains(other + "-1"), "no invoice of another debtor (" + other + ") in: " + text);
            }
        }
        eachSentExactlyOnce(reminders, List.of(pass));
    }

    @Test
    void aCrashInABatchSendsThatBatchAgainWithTheSameMessageIdsAndLosesNothing() throws Exception {
        List<Long> reminders = planEmailReminders(3);

        // Two of the three handed over in one transaction, then the server died before the commit.
        EntityManager em = server1.createEntityManager();
        try (MailConnection mail = new MailConnection(mailSession)) {
            em.getTransaction().begin();
            assertEquals(List.of(ReminderDispatcher.Outcome.SENT, ReminderDispatcher.Outcome.SENT),
                    dispatch().dispatcher(em).sendBatch(Channel.EMAIL, mail, 2));
            em.getTransaction().rollback();
        } finally {
            em.close();
        }
        List<String> crashed = messageIds();
        assertEquals(2, crashed.size());

        DunningRunResult next = dispatch().pass(server2, Integer.MAX_VALUE, 20);

        assertEquals(3, next.sent(), "the next pass sends all three, once each as far as the database knows");
        List<String> all = messageIds();
        assertEquals(5, all.size(), "the batch that crashed went out twice, the rest once");
        assertEquals(3, new HashSet<>(all).size(), "with the same Message-IDs: never a different message");
        assertTrue(all.containsAll(crashed));
        for (long id : reminders) {
            assertEquals(List.of("SENT | 1 | 1"), ledger.rows("""
                    SELECT status, (SELECT count(*) FROM exact_writeback WHERE source = 'reminder:' || reminder.id),
                           (SELECT count(*) FROM audit_event WHERE action = 'REMINDER_SENT' AND subject_id = reminder.id::text)
                    FROM reminder WHERE id = ?""", id), "one note and one audit event for reminder " + id);
        }
    }

    @Test
    void theEmailCarriesTheTextTheHtmlAndTheInvoicesPdfKeptFromExact() throws Exception {
        long reminder = planEmailReminders(1).get(0);
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String number = ledger.rows("SELECT i.invoice_number FROM reminder r JOIN invoice i ON i.id = ANY (r.item_invoice_ids) "
                + "WHERE r.id = ?", reminder).get(0);
        ledger.execute("INSERT INTO sales_invoice (division, exact_id, invoice_number, document_exact_id, exact_timestamp, "
                + "synced_at) VALUES (" + division + ", gen_random_uuid(), '" + number + "', '7d7c0000-0000-4000-8000-00000000000"
                + (division % 10) + "', 5, now())");
        try (java.sql.Connection c = ledger.dataSource().getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "INSERT INTO document_attachment (division, exact_id, document_exact_id, file_name, file_size, url, exact_timestamp, "
                + "synced_at, content, content_type, fetched_at) VALUES (?, gen_random_uuid(), CAST(? AS uuid), ?, ?, "
                + "'https://start.exactonline.nl/docs/SysAttachment.aspx', 6, now(), ?, 'application/pdf', now())")) {
            ps.setInt(1, division);
            ps.setString(2, "7d7c0000-0000-4000-8000-00000000000" + (division % 10));
            ps.setString(3, "Factuur " + number + ".pdf");
            ps.setLong(4, pdf.length);
            ps.setBytes(5, pdf);
            ps.executeUpdate();
        }

        dispatch().pass(server1, Integer.MAX_VALUE);

        MimeMessage sent = smtp.getReceivedMessages()[0];
        assertEquals("Payment reminder from Demo", sent.getSubject());
        Multipart mixed = (Multipart) sent.getContent();
        assertEquals(2, mixed.getCount());
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
        BodyPart attached = mixed.getBodyPart(1);
        assertTrue(attached.isMimeType("application/pdf"), attached.getContentType());
        assertEquals(BodyPart.ATTACHMENT, attached.getDisposition());
        assertEquals("Factuur " + number + ".pdf", attached.getFileName());
        try (InputStream in = attached.getInputStream()) {
            assertArrayEquals(pdf, in.readAllBytes());
        }
        assertEquals(List.of("SENT"), ledger.rows("SELECT status FROM reminder WHERE id = ?", reminder));
    }

    @Test
    void emailsWaitWhileTheDivisionsFirstRoundOfPdfsRunsAndGoWhenItEnds() throws Exception {
        planEmailReminders(2);
        ledger.execute("UPDATE division SET first_pdf_round_started_at = TIMESTAMPTZ '" + CLOCK.instant().minusSeconds(60)
                + "' WHERE code = " + division);

        assertEquals(0, dispatch().pass(server1, Integer.MAX_VALUE).sent(), "held while the PDFs are fetched");
        assertEquals(List.of("2"), ledger.rows("SELECT count(*) FROM reminder WHERE division = ? AND status = 'PLANNED'", division));

        ledger.execute("UPDATE division SET first_pdf_round_ended_at = first_pdf_round_started_at + interval '4 minutes' "
                + "WHERE code = " + division);
        assertEquals(2, dispatch().pass(server1, Integer.MAX_VALUE).sent(), "sent once the round has ended");
    }

    @Test
    void aFirstRoundOfPdfsThatNeverEndedHoldsNoEmailForLong() throws Exception {
        planEmailReminders(1);
        ledger.execute("UPDATE division SET first_pdf_round_started_at = TIMESTAMPTZ '" + CLOCK.instant().minusSeconds(21 * 60)
                + "' WHERE code = " + division);

        assertEquals(1, dispatch().pass(server1, Integer.MAX_VALUE).sent());
    }

    @Test
    void whenTheMailServerIsDownTheReminderStaysPlannedWithTheErrorAndNothingIsQueued() throws Exception {
        List<Long> reminders = planEmailReminders(2);
        int closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        mailSession = session(closedPort);

        DunningRunResult pass = dispatch().pass(server1, Integer.MAX_VALUE);

        assertEquals(new DunningRunResult(0, 0, 0, 1, null), pass, "the channel stops after the first failure");
        List<String> rows = ledger.rows("""
                SELECT status, attempts, last_error IS NOT NULL FROM reminder WHERE division = ? ORDER BY planned_at, id""", division);
        assertEquals(List.of("PLANNED | 1 | true", "PLANNED | 0 | false"), rows);
        assertTrue(ledger.rows("SELECT last_error FROM reminder WHERE id = ?", reminders.get(0)).get(0)
                .startsWith("Sending to "), "the error names the address");
        assertEquals(List.of("0"), ledger.rows("SELECT count(*) FROM exact_writeback WHERE division = ?", division));

        mailSession = session(smtp.getSmtp().getPort());
        assertEquals(2, dispatch().pass(server1, Integer.MAX_VALUE).sent(), "the next pass, with the server back, sends both");
        assertEquals(2, new HashSet<>(messageIds()).size());
    }
}

package nl.dunwise.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.dunwise.dunning.DefaultScenarios;
import nl.dunwise.dunning.DispatchPass;
import nl.dunwise.dunning.DunningRunResult;
import nl.dunwise.dunning.PlanningPolicy;
import nl.dunwise.dunning.PlanningResult;
import nl.dunwise.dunning.ReminderPlanner;
import nl.dunwise.dunning.StandaloneDispatch;
import nl.dunwise.dunning.channel.Letter;
import nl.dunwise.dunning.channel.LetterPdf;
import nl.dunwise.exact.Division;
import nl.dunwise.exact.DivisionAdded;
import nl.dunwise.portal.PaymentLinks;

/**
 * Sending 10,000 email reminders through the real dispatch path as the server runs it (its default passes side by
 * side, its default batch per transaction; -Dbench.passes and -Dbench.batch to try others): claim a batch of
 * reminders (FOR UPDATE SKIP LOCKED), compose their texts from the templates, attach the PDF of each of their
 * invoices as kept from Exact in the database (as after the first reminder of an invoice: docs/channels.md), write
 * each MIME message with its stable Message-ID, hand it to SMTP, mark it sent, queue the note for Exact and audit
 * it, and commit the batch. The
 * baseline, measured in the same run against the same SMTP server (GreenMail in this JVM), is a bare Jakarta
 * Mail loop over one connection that sends the very same messages already rendered (same text, HTML and PDF
 * bytes). The ratio says how much of the mail server's pace the dispatcher keeps. Goal: at least 0.5.
 */
final class DispatchBench {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    private static final PlanningPolicy POLICY = new PlanningPolicy(new BigDecimal("5.00"), 3, 3, 80, 40, "friendly", "strict");
    private static final int WARM_UP_DIVISION = 4100001;
    private static final int DIVISION = 4100002;
    private static final String FROM = "Debiteuren Bench BV <debiteuren@bench.example>";

    private DispatchBench() {
    }

    /** One message as GreenMail received it, taken apart into what a plain mailer would be given. */
    private record Rendered(String to, String subject, String text, String html, List<Attachment> pdfs) {
    }

    private record Attachment(String name, byte[] content) {
    }

    static void run() throws Exception {
        int reminders = Integer.getInteger("bench.reminders", 10_000);
        int warmUp = Integer.getInteger("bench.warmup", Math.min(500, reminders));
        // As the server runs them: dunwise.dunning.dispatch-parallelism passes, dunwise.dunning.dispatch-batch per transaction.
        int passes = Integer.getInteger("bench.passes", DispatchPass.DEFAULT_PARALLELISM);
        int batch = Integer.getInteger("bench.batch", DispatchPass.DEFAULT_BATCH);
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (BenchDatabase db = new BenchDatabase("dispatch")) {
            EntityManagerFactory jpa = db.jpa();
            try {
                Session session = session(smtp.getSmtp().getPort());
                StandaloneDispatch dispatch = new StandaloneDispatch(db.dataSource(), session, FROM,
                        new PaymentLinks(Optional.of("bench-link-secret-0123456789"), 60, "https://pay.bench.example", CLOCK), CLOCK);

                // Warm up both sides (JIT, the PDF renderer's fonts, GreenMail) on reminders of their own.
                division(db, jpa, WARM_UP_DIVISION, warmUp);
                dispatch.pass(jpa, Integer.MAX_VALUE, batch);
                sendBare(session, rendered(smtp));
                smtp.purgeEmailFromAllMailboxes();

                long start = System.nanoTime();
                division(db, jpa, DIVISION, reminders);
                System.out.printf(Locale.ROOT, "planned %,d email reminders in %.1f s%n", reminders, (System.nanoTime() - start) / 1e9);

                start = System.nanoTime();
                DunningRunResult result = passes(dispatch, jpa, passes, batch);
                double dunwise = (System.nanoTime() - start) / 1e9;
                check(result.sent() == reminders && result.failed() == 0 && result.skipped() == 0,
                        "the dispatcher sent " + result + " of " + reminders);
                check(smtp.getReceivedMessages().length == reminders, "GreenMail received " + smtp.getReceivedMessages().length);
                check(count(db, "SELECT count(*) FROM reminder WHERE division = " + DIVISION + " AND status = 'SENT'") == reminders
                        && count(db, "SELECT count(*) FROM exact_writeback WHERE division = " + DIVISION + " AND kind = 'NOTE'") == reminders,
                        "every reminder marked sent with its note queued");

                List<Rendered> messages = rendered(smtp);
                long bytes = 0;
                for (MimeMessage m : smtp.getReceivedMessages()) {
                    bytes += m.getSize();
                }
                smtp.purgeEmailFromAllMailboxes();

                start = System.nanoTime();
                sendBare(session, messages);
                double baseline = (System.nanoTime() - start) / 1e9;
                check(smtp.getReceivedMessages().length == reminders, "the baseline delivered " + smtp.getReceivedMessages().length);

                double dunwisePerSecond = reminders / dunwise;
                double baselinePerSecond = reminders / baseline;
                System.out.printf(Locale.ROOT, "messages of %,d bytes on average, with %,d invoice PDFs of %,d bytes each%n",
                        bytes / reminders, messages.stream().mapToInt(m -> m.pdfs().size()).sum(),
                        messages.get(0).pdfs().get(0).content().length);
                System.out.printf(Locale.ROOT, "baseline (bare Jakarta Mail loop, one connection, pre-rendered): %,d in %.1f s, %.0f per second%n",
                        reminders, baseline, baselinePerSecond);
                System.out.printf(Locale.ROOT, "dispatcher (claim, compose, attach PDFs, send, mark sent, note, audit; %d passes, "
                        + "%d per transaction): %,d in %.1f s, %.0f per second%n", passes, batch, reminders, dunwise, dunwisePerSecond);
                System.out.printf(Locale.ROOT, "BENCH dunning-dispatch ratio=%.2f per_second=%.0f%n",
                        dunwisePerSecond / baselinePerSecond, dunwisePerSecond);
            } finally {
                jpa.close();
            }
        } finally {
            smtp.stop();
        }
    }

    /** {@code n} dispatch passes at once, as {@code n} timers (or servers) would run them; their results added up. */
    private static DunningRunResult passes(StandaloneDispatch dispatch, EntityManagerFactory jpa, int n, int batch)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<DunningRunResult>> running = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                running.add(pool.submit(() -> dispatch.pass(jpa, Integer.MAX_VALUE, batch)));
            }
            List<DunningRunResult> results = new ArrayList<>();
            for (Future<DunningRunResult> f : running) {
                results.add(f.get());
            }
            return DispatchPass.sum(results);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Session session(int port) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(port));
        return Session.getInstance(p);
    }

    /**
     * A division with the default scenarios and texts, and {@code debtors} debtors with one to four invoices
     * 8 to 17 days late, in Dutch and English: the planning run gives each the standard first reminder by email.
     */
    private static void division(BenchDatabase db, EntityManagerFactory jpa, int division, int debtors) throws Exception {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO exact_connection (country, base_url, status) VALUES ('nl', 'http://bench', 'CONNECTED')");
            st.execute("INSERT INTO division (code, connection_id, description, currency, country) SELECT " + division
                    + ", max(id), 'Bench BV', 'EUR', 'NL' FROM exact_connection");
        }
        EntityManager em = jpa.createEntityManager();
        try {
            em.getTransaction().begin();
            new DefaultScenarios(em, CLOCK).onDivisionAdded(new DivisionAdded(em.find(Division.class, division)));
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO debtor (division, exact_id, code, name, email, language, country, address_line1, postcode,
                                        city, exact_timestamp)
                    SELECT %1$d, md5('%1$d-' || g)::uuid, 'D' || g, 'Debtor ' || g || ' B.V.', 'debtor' || g || '@bench.example',
                           CASE WHEN g %% 3 = 0 THEN 'en' ELSE 'nl' END, 'NL', 'Kerkstraat ' || g, '1017 GC', 'Amsterdam', 1
                    FROM generate_series(1, %2$d) g
                    """.formatted(division, debtors));
            st.execute("""
                    INSERT INTO invoice (division, exact_id, debtor_id, invoice_number, invoice_date, due_date, amount,
                                         open_amount, currency, exact_status, exact_timestamp)
                    SELECT d.division, md5('%1$d-' || d.id || '-' || k)::uuid, d.id, d.code || '-' || k,
                           DATE '%2$s' - 38 - ((d.id + k) %% 10)::int, DATE '%2$s' - 8 - ((d.id + k) %% 10)::int, a, a, 'EUR', 20, 1
                    FROM debtor d, generate_series(1, 4) k, LATERAL (SELECT round((50 + (d.id * 37 + k * 91) %% 2000)::numeric, 2) a) amount
                    WHERE d.division = %1$d AND k <= 1 + d.id %% 4
                    """.formatted(division, TODAY));
            // Each invoice printed in Exact, its PDF kept from an earlier download.
            st.execute("""
                    INSERT INTO sales_invoice (division, exact_id, invoice_number, document_exact_id, exact_timestamp, synced_at)
                    SELECT division, md5('si-' || id)::uuid, invoice_number, md5('doc-' || id)::uuid, 1, now()
                    FROM invoice WHERE division = %d
                    """.formatted(division));
        }
        byte[] pdf = invoicePdf();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO document_attachment (division, exact_id, document_exact_id, file_name, file_size, url, exact_timestamp,
                                                 synced_at, content, content_type, fetched_at)
                SELECT division, md5('att-' || id)::uuid, md5('doc-' || id)::uuid, 'Factuur ' || invoice_number || '.pdf', ?,
                       'http://bench/docs/SysAttachment.aspx', 1, now(), ?, 'application/pdf', now()
                FROM invoice WHERE division = ?
                """); Statement st = c.createStatement()) {
            ps.setLong(1, pdf.length);
            ps.setBytes(2, pdf);
            ps.setInt(3, division);
            ps.executeUpdate();
            st.execute("ANALYZE");
        }
        PlanningResult planned = new ReminderPlanner(db.dataSource()).plan(division, "EUR", TODAY, POLICY, CLOCK.instant());
        check(planned.planned() == debtors, "planned " + planned.planned() + " reminders for " + debtors + " debtors");
    }

    private static List<Rendered> rendered(GreenMail smtp) throws Exception {
        List<Rendered> rendered = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            Multipart mixed = (Multipart) m.getContent();
            Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
            List<Attachment> pdfs = new ArrayList<>();
            for (int i = 1; i < mixed.getCount(); i++) {
                Part pdf = mixed.getBodyPart(i);
                try (InputStream in = pdf.getInputStream()) {
                    pdfs.add(new Attachment(pdf.getFileName(), in.readAllBytes()));
                }
            }
            check(!pdfs.isEmpty(), "a reminder went without its invoices' PDFs");
            rendered.add(new Rendered(m.getRecipients(Message.RecipientType.TO)[0].toString(), m.getSubject(),
                    (String) alternative.getBodyPart(0).getContent(), (String) alternative.getBodyPart(1).getContent(), pdfs));
        }
        return rendered;
    }

    /** The baseline: the plainest way to send ready messages with Jakarta Mail, over one connection. */
    private static void sendBare(Session session, List<Rendered> messages) throws Exception {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (Rendered r : messages) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress(FROM));
                message.setRecipients(Message.RecipientType.TO, r.to());
                message.setSubject(r.subject(), "UTF-8");
                message.setSentDate(new Date());
                MimeBodyPart text = new MimeBodyPart();
                text.setText(r.text(), "UTF-8", "plain");
                MimeBodyPart html = new MimeBodyPart();
                html.setText(r.html(), "UTF-8", "html");
                MimeMultipart alternative = new MimeMultipart("alternative", text, html);
                MimeBodyPart body = new MimeBodyPart();
                body.setContent(alternative);
                MimeMultipart mixed = new MimeMultipart("mixed", body);
                for (Attachment a : r.pdfs()) {
                    MimeBodyPart pdf = new MimeBodyPart();
                    pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), "application/pdf")));
                    pdf.setFileName(a.name());
                    pdf.setDisposition(Part.ATTACHMENT);
                    mixed.addBodyPart(pdf);
                }
                message.setContent(mixed);
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
    }

    /** A one-page invoice as Exact would print it, laid out by the letter renderer. */
    private static byte[] invoicePdf() {
        return LetterPdf.render(List.of(new Letter("Bench BV", "Bench BV, Postbus 1, 1000 AA Amsterdam",
                List.of("Debtor 1 B.V.", "Kerkstraat 1", "1017 GC Amsterdam"),
                Map.of("Factuurnummer", "D1-1", "Factuurdatum", "18-10-2026", "Vervaldatum", "17-11-2026"), "Factuur D1-1",
                "<p>Geleverde diensten oktober 2026</p><table><tr><td>Advies</td><td>EUR 1.000,00</td></tr>"
                        + "<tr><td>BTW 21%</td><td>EUR 210,00</td></tr><tr><td>Totaal</td><td>EUR 1.210,00</td></tr></table>")));
    }

    private static long count(BenchDatabase db, String query) throws Exception {
        try (Connection c = db.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Dispatch benchmark: " + what);
        }
    }
}

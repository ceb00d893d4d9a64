package nl.dunwise.exact.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import nl.dunwise.exact.client.AttachmentUrl;
import nl.dunwise.exact.client.CallBudget;
import nl.dunwise.exact.client.CallPurpose;
import nl.dunwise.exact.client.EndpointGuard;
import nl.dunwise.exact.client.ExactApi;
import nl.dunwise.exact.client.ExactApiException;
import nl.dunwise.exact.client.ExactClient;
import nl.dunwise.exact.client.RateLimit;
import nl.dunwise.exact.client.ScriptedResponse;
import nl.dunwise.exact.client.RefusedFileException;
import nl.dunwise.testing.OwnDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reminder's invoice PDFs on PostgreSQL: found through the synced sales invoice and its document's
 * attachment, fetched ahead once (as the dispatcher's rounds do) and then read from the database when the
 * reminder goes, and every way of not getting one reported with its reason instead of thrown.
 */
class PdfCacheTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate DUE_BY = LocalDate.of(2026, 12, 9);
    private static final byte[] PDF = "%PDF-1.4\n% an invoice\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private static OwnDatabase database;
    private static int nextDivision = 3_200_000;

    private final List<String> downloads = new ArrayList<>();

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = new OwnDatabase(PdfCacheTest.class);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        database.close();
    }

    /** A division with one debtor and a reminder listing invoices 1001, 1002 and 1003 (in due-date order). */
    private long reminder(int division) throws SQLException {
        long connection = database.single("INSERT INTO exact_connection (country, base_url, status) VALUES ('nl', 'http://x', "
                + "'CONNECTED') RETURNING id");
        database.execute("INSERT INTO division (code, connection_id, description, currency) VALUES (" + division + ", "
                + connection + ", 'Demo', 'EUR')");
        long scenario = database.single("INSERT INTO scenario (division, code, name, is_default) VALUES (" + division
                + ", 'standard', 'Standard', true) RETURNING id");
        long step = database.single("INSERT INTO step (scenario_id, position, day_offset, channel, template_code, needs_approval) "
                + "VALUES (" + scenario + ", 1, 7, 'EMAIL', 'first-reminder', false) RETURNING id");
        long debtor = database.single("INSERT INTO debtor (division, exact_id, code, name, email, exact_timestamp) VALUES ("
                + division + ", gen_random_uuid(), '1000', 'Klant', 'klant@example.com', 1) RETURNING id");
        long reminder = database.single("INSERT INTO reminder (division, debtor_id, step_id, cycle_due_date, channel, status, "
                + "total_amount, currency, planned_at) VALUES (" + division + ", " + debtor + ", " + step
                + ", DATE '2026-11-01', 'EMAIL', 'PLANNED', 300, 'EUR', now()) RETURNING id");
        for (int n = 1; n <= 3; n++) {
            long invoice = database.single("INSERT INTO invoice (division, exact_id, debtor_id, invoice_number, due_date, amount, "
                    + "open_amount, currency, exact_status, exact_timestamp) VALUES (" + division + ", gen_random_uuid(), " + debtor
                    + ", '100" + n + "', DATE '2026-11-0" + n + "', 100, 100, 'EUR', 20, 1) RETURNING id");
            database.execute("UPDATE reminder SET item_invoice_ids = item_invoice_ids || " + invoice + "::bigint, "
                    + "item_open_amounts = item_open_amounts || 100::numeric, item_days_overdue = item_days_overdue || 20 WHERE id = " + reminder);
        }
        return reminder;
    }

    /** Exact's sales invoice for {@code number} with a document holding one attachment. */
    private static void pdfInExact(int division, String number, String fileName) throws SQLException {
        UUID document = UUID.randomUUID();
        database.execute("INSERT INTO sales_invoice (division, exact_id, invoice_number, document_exact_id, exact_timestamp, "
                + "synced_at) VALUES (" + division + ", gen_random_uuid(), '" + number + "', '" + document + "', 5, now())");
        database.execute("INSERT INTO document_attachment (division, exact_id, document_exact_id, file_name, file_size, url, "
                + "exact_timestamp, synced_at) VALUES (" + division + ", gen_random_uuid(), '" + document + "', '" + fileName
                + "', 30, 'https://start.exactonline.nl/docs/SysAttachment.aspx?ID=" + number + "', 6, now())");
    }

    private PdfCache cache(long maxMailBytes) {
        return new PdfCache(database.dataSource(), CLOCK, 1000, maxMailBytes);
    }

    private PdfCache.Downloader serving(byte[] content) {
        return url -> {
            downloads.add(url);
            return content;
        };
    }

    @Test
    void aPdfIsDownloadedOnceAndThenReadFromTheDatabase() throws SQLException {
        int division = ++nextDivision;
        long reminder = reminder(division);
        pdfInExact(division, "1001", "Factuur 1001.pdf");
        pdfInExact(division, "1003", "Factuur 1003.pdf");

        InvoiceFiles first = sent(cache(10_000), division, reminder, serving(PDF));
        InvoiceFiles second = sent(cache(10_000), division, reminder, url -> {
            throw new AssertionError("fetched again: " + url);
        });

        assertEquals(2, downloads.size());
        for (InvoiceFiles files : List.of(first, second)) {
            assertEquals(List.of("1001", "1003"), files.attached().stream().map(InvoiceFile::invoiceNumber).toList());
            assertEquals("Factuur 1003.pdf", files.attached().get(1).fileName());
            assertArrayEquals(PDF, files.attached().get(0).content());
            assertEquals(List.of(new InvoiceFiles.Missing("1002", "Exact Online has no PDF of this invoice")), files.missing());
        }
        assertEquals(2, database.single("SELECT count(*) FROM document_attachment WHERE division = " + division
                + " AND content IS NOT NULL AND fetched_at = TIMESTAMPTZ '2026-11-25 10:00:00Z'"));
    }

    @Test
    void aFailedDownloadLeavesTheInvoiceOutWithTheReasonAndIsTriedAgainNextTime() throws SQLException {
        int division = ++nextDivision;
        long reminder = reminder(division);
        pdfInExact(division, "1002", "Factuur 1002.pdf");

        InvoiceFiles failed = sent(cache(10_000), division, reminder, url -> {
            throw new ExactApiException(503, "Exact Online is unavailable (HTTP 503)");
        });
        assertTrue(failed.attached().isEmpty());
        assertTrue(failed.missing().get(1).reason().startsWith("not fetched from Exact Online yet"), failed.summary());
        assertEquals(1, database.single("SELECT count(*) FROM document_attachment WHERE division = " + division
                + " AND last_fetch_error LIKE '%HTTP 503%' AND content IS NULL AND refused_reason IS NULL"));

        assertEquals(0, cache(10_000).prefetch(division, DUE_BY, 100, serving(PDF)), "not tried again within a quarter of an hour");
        InvoiceFiles later = sent(new PdfCache(database.dataSource(), Clock.offset(CLOCK, Duration.ofMinutes(16)), 1000, 10_000),
                division, reminder, serving(PDF));
        assertEquals(List.of("1002"), later.attached().stream().map(InvoiceFile::invoiceNumber).toList());
        assertTrue(later.summary().startsWith("Attached: Factuur 1002.pdf (" + PDF.length + " bytes, SHA-256 "), later.summary());
    }

    @Test
    void aFileThatIsNoPdfOrTooLargeIsRefusedOnceAndNotFetchedAgain() throws SQLException {
        int division = ++nextDivision;
        long reminder = reminder(division);
        pdfInExact(division, "1001", "Factuur 1001.pdf");
        pdfInExact(division, "1002", "Factuur 1002.pdf");

        InvoiceFiles refused = sent(cache(10_000), division, reminder, url -> {
            downloads.add(url);
            if (url.endsWith("1001")) {
                throw new RefusedFileException("the download is not a PDF (Content-Type text/html)");
            }
            return new byte[5000];
        });
        assertTrue(refused.attached().isEmpty());
        assertEquals("Exact Online's file was refused: the download is not a PDF (Content-Type text/html)",
                refused.missing().get(0).reason());
        assertEquals("Exact Online's file was refused: the file is 5000 bytes, more than the 1000 allowed",
                refused.missing().get(1).reason());

        InvoiceFiles again = sent(new PdfCache(database.dataSource(), Clock.offset(CLOCK, Duration.ofHours(1)), 1000, 10_000),
                division, reminder, serving(PDF));
        assertEquals(2, downloads.size(), "a refused file is not asked for again until Exact changes it");
        assertEquals(refused.missing(), again.missing());
    }

    @Test
    void pdfsBeyondTheMailsSizeLimitAreLeftOut() throws SQLException {
        int division = ++nextDivision;
        long reminder = reminder(division);
        pdfInExact(division, "1001", "Factuur 1001.pdf");
        pdfInExact(division, "1002", "Factuur 1002.pdf");
        pdfInExact(division, "1003", "Factuur 1003.pdf");

        InvoiceFiles files = sent(cache(PDF.length * 2L), division, reminder, serving(PDF));

        assertEquals(List.of("1001", "1002"), files.attached().stream().map(InvoiceFile::invoiceNumber).toList());
        assertEquals(List.of(new InvoiceFiles.Missing("1003", "the email would grow over " + PDF.length * 2 + " bytes")),
                files.missing());
    }

    @Test
    void aRoundOfFetchingAheadStopsAtTheFirstOutageAndLeavesTheRestForTheNext() throws SQLException {
        int division = ++nextDivision;
        long reminder = reminder(division);
        pdfInExact(division, "1001", "Factuur 1001.pdf");
        pdfInExact(division, "1002", "Factuur 1002.pdf");

        assertEquals(0, cache(10_000).prefetch(division, DUE_BY, 100, url -> {
            downloads.add(url);
            throw new ExactApiException(429, "Exact Online's calls for this minute are kept in reserve");
        }));
        assertEquals(1, downloads.size(), "no second call into a spent budget");

        InvoiceFiles files = cache(10_000).forReminders(List.of(reminder), PdfCache.KEPT_ONLY).get(reminder);
        assertTrue(files.attached().isEmpty());
        assertEquals(0, database.single("SELECT count(*) FROM document_attachment WHERE division = " + division
                + " AND content IS NOT NULL"), "sending never downloads");
    }

    /** An Exact that serves the queued answers to attachment downloads and counts them; any other call fails. */
    private ExactClient exact(Clock clock, RateLimit storedByTheLastRound, Deque<Response> answers, int[] calls) {
        ExactApi api = (ExactApi) Proxy.newProxyInstance(ExactApi.class.getClassLoader(), new Class<?>[] {ExactApi.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("attachment")) {
                        throw new AssertionError("unexpected call " + method.getName());
                    }
                    calls[0]++;
                    return answers.removeFirst();
                });
        return new ExactClient(api, clock, d -> {
            throw new AssertionError("a round of PDFs does not wait");
        }, EndpointGuard.NONE, new CallBudget(CallPurpose.ATTACHMENT_DOWNLOAD, 500, 10, storedByTheLastRound));
    }

    private static Response pdfLeaving(long minutelyRemaining, Instant minutelyReset) {
        return ScriptedResponse.file(200, PDF).header("Content-Type", "application/pdf")
                .limits(4000, minutelyRemaining, minutelyReset.toEpochMilli());
    }

    private static PdfCache.Downloader through(ExactClient client, int division) {
        return url -> client.downloadPdf("token", new AttachmentUrl(UUID.randomUUID(), division), 1000);
    }

    @Test
    void aRoundIsOneClientWhoseOwnHeadersStopItAtTheMinutelyReserveAndTheNextRoundGoesOn() throws SQLException {
        int division = ++nextDivision;
        reminder(division);
        pdfInExact(division, "1001", "Factuur 1001.pdf");
        pdfInExact(division, "1002", "Factuur 1002.pdf");
        pdfInExact(division, "1003", "Factuur 1003.pdf");
        Instant reset = CLOCK.instant().plusSeconds(30);
        int[] calls = {0};
        ExactClient round = exact(CLOCK, null, new ArrayDeque<>(List.of(pdfLeaving(12, reset), pdfLeaving(10, reset))), calls);

        assertEquals(2, cache(10_000).prefetch(division, DUE_BY, 100, through(round, division)));
        assertEquals(2, calls[0], "the third download would have spent the calls kept for the sync and write-back");
        assertEquals(0, database.single("SELECT count(*) FROM document_attachment WHERE division = " + division
                + " AND last_fetch_at IS NOT NULL AND content IS NULL"), "a file held back for the reserve is not parked as failed");

        RateLimit stored = round.lastRateLimit().orElseThrow();
        assertEquals(0, cache(10_000).prefetch(division, DUE_BY, 100, through(exact(CLOCK, stored, new ArrayDeque<>(), calls),
                division)), "the next round in the same minute judges by the headers the last round stored");
        assertEquals(2, calls[0]);

        Clock nextMinute = Clock.offset(CLOCK, Duration.ofSeconds(31));
        assertEquals(1, new PdfCache(database.dataSource(), nextMinute, 1000, 10_000).prefetch(division, DUE_BY, 100,
                through(exact(nextMinute, stored, new ArrayDeque<>(List.of(pdfLeaving(59, reset.plusSeconds(60)))), calls),
                        division)), "after the minute's reset the next round fetches the rest");
    }

    @Test
    void a429StopsTheRoundAfterOneCall() throws SQLException {
        int division = ++nextDivision;
        reminder(division);
        pdfInExact(division, "1001", "Factuur 1001.pdf");
        pdfInExact(division, "1002", "Factuur 1002.pdf");
        int[] calls = {0};
        Response tooMany = new ScriptedResponse(429, "").limits(4000, 0, CLOCK.instant().plusSeconds(20).toEpochMilli());

        assertEquals(0, cache(10_000).prefetch(division, DUE_BY, 100,
                through(exact(CLOCK, null, new ArrayDeque<>(List.of(tooMany)), calls), division)));
        assertEquals(1, calls[0], "neither retried nor waited for, and no second file tried");
    }

    @Test
    void afterAWebhookOnlyThePdfsOfPlannedRemindersAreFetched() throws SQLException {
        int division = ++nextDivision;
        reminder(division);
        pdfInExact(division, "1001", "Factuur 1001.pdf");
        long debtor = database.single("SELECT id FROM debtor WHERE division = " + division);
        database.execute("INSERT INTO invoice (division, exact_id, debtor_id, invoice_number, due_date, amount, open_amount, "
                + "currency, exact_status, exact_timestamp) VALUES (" + division + ", gen_random_uuid(), " + debtor
                + ", '1009', DATE '2026-11-28', 100, 100, 'EUR', 20, 1)");
        pdfInExact(division, "1009", "Factuur 1009.pdf");

        assertEquals(1, cache(10_000).prefetch(division, null, 100, serving(PDF)));
        assertEquals(List.of("https://start.exactonline.nl/docs/SysAttachment.aspx?ID=1001"), downloads,
                "1009 falls due soon but no reminder lists it yet");
    }

    @Test
    void aShortRoundGivesEachDebtorOneFileBeforeAnyoneASecond() throws SQLException {
        int division = ++nextDivision;
        reminder(division);
        database.execute("UPDATE reminder SET status = 'SENT' WHERE division = " + division);
        for (String n : List.of("1001", "1002", "1003")) {
            pdfInExact(division, n, "Factuur " + n + ".pdf");
        }
        long other = database.single("INSERT INTO debtor (division, exact_id, code, name, email, exact_timestamp) VALUES ("
                + division + ", gen_random_uuid(), '2000', 'Ander', 'ander@example.com', 1) RETURNING id");
        database.execute("INSERT INTO invoice (division, exact_id, debtor_id, invoice_number, due_date, amount, open_amount, "
                + "currency, exact_status, exact_timestamp) VALUES (" + division + ", gen_random_uuid(), " + other
                + ", '2001', DATE '2026-11-20', 100, 100, 'EUR', 20, 1)");
        pdfInExact(division, "2001", "Factuur 2001.pdf");

        assertEquals(2, cache(10_000).prefetch(division, DUE_BY, 2, serving(PDF)));
        assertEquals(List.of("https://start.exactonline.nl/docs/SysAttachment.aspx?ID=1001",
                "https://start.exactonline.nl/docs/SysAttachment.aspx?ID=2001"), downloads);
    }

    @Test
    void aDivisionsRoundPassesWhileAnotherIsUnderWayAndTheFirstRoundIsClaimedOnce() throws SQLException {
        int division = ++nextDivision;
        reminder(division);
        pdfInExact(division, "1001", "Factuur 1001.pdf");
        try (Connection other = database.dataSource().getConnection(); Statement st = other.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + 0x50444631 + ", " + division + ")");
            assertEquals(0, cache(10_000).prefetch(division, DUE_BY, 100, serving(PDF)));
            assertEquals(List.of(), downloads, "the same file is not downloaded by two rounds at once");
            st.execute("SELECT pg_advisory_unlock(" + 0x50444631 + ", " + division + ")");
        }
        assertEquals(1, cache(10_000).prefetch(division, DUE_BY, 100, serving(PDF)));

        assertTrue(cache(10_000).claimFirstRound(division));
        assertFalse(cache(10_000).claimFirstRound(division), "once per division, whichever server asks first");
        assertTrue(cache(10_000).firstRoundUnderWay(CLOCK.instant().minusSeconds(60)), "emails wait");
        assertFalse(cache(10_000).firstRoundUnderWay(CLOCK.instant().plusSeconds(1)), "not held by a round that started too long ago");
        cache(10_000).firstRoundEnded(division);
        assertFalse(cache(10_000).firstRoundUnderWay(CLOCK.instant().minusSeconds(60)), "emails go once it has ended");
    }

    @Test
    void theFirstRoundWaitsForARoundUnderWayFetchesAndLeavesTheDivisionFreeForTheNextRound() throws SQLException {
        int division = ++nextDivision;
        reminder(division);
        pdfInExact(division, "1001", "Factuur 1001.pdf");
        database.execute("UPDATE reminder SET status = 'SENT' WHERE division = " + division);
        pdfInExact(division, "1002", "Factuur 1002.pdf");

        assertEquals(1, cache(10_000).prefetchAfterOtherRounds(division, DUE_BY, 1, serving(PDF)));
        assertEquals(1, cache(10_000).prefetch(division, DUE_BY, 100, serving(PDF)),
                "the first round let go of the division: the next round fetches what is left");
        assertEquals(2, downloads.size());
    }

    /** What the dispatcher's rounds do: fetch ahead, then send with the files kept. */
    private InvoiceFiles sent(PdfCache cache, int division, long reminder, PdfCache.Downloader downloader) {
        cache.prefetch(division, DUE_BY, 100, downloader);
        return cache.forReminders(List.of(reminder), PdfCache.KEPT_ONLY).get(reminder);
    }
}

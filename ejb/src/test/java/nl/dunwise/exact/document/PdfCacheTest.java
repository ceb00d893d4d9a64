package nl.dunwise.exact.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.dunwise.exact.client.ExactApiException;
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

    /** What the dispatcher's rounds do: fetch ahead, then send with the files kept. */
    private InvoiceFiles sent(PdfCache cache, int division, long reminder, PdfCache.Downloader downloader) {
        cache.prefetch(division, DUE_BY, 100, downloader);
        return cache.forReminders(List.of(reminder), PdfCache.KEPT_ONLY).get(reminder);
    }
}

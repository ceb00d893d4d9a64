package nl.dunwise.exact.document;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import nl.dunwise.exact.client.BudgetReservedException;
import nl.dunwise.exact.client.RefusedFileException;

/**
 * The invoices' PDFs for one reminder: from the database when fetched before, else downloaded once and kept.
 * Every statement commits on its own (auto-commit), outside the reminder's transaction: a file fetched is kept
 * even if the reminder's transaction rolls back, and a failure to keep it cannot undo the reminder. Nothing
 * here throws: a file that cannot be had is reported missing with its reason.
 */
final class PdfCache {

    private static final Logger LOG = Logger.getLogger(PdfCache.class.getName());

    /** Fetches the content at an attachment's Url; throws when it cannot. */
    @FunctionalInterface
    interface Downloader {
        byte[] download(String url);
    }

    /** Thrown by {@link #KEPT_ONLY}: the file is simply not here yet, which is no failure to record. */
    private static final class NotFetchedYet extends RuntimeException {
        NotFetchedYet() {
            super(null, null, false, false);
        }
    }

    /**
     * For a reminder being sent: only the files fetched before ({@link #prefetch}). A download would spend the
     * call budget the sync and the write-back live on, one call per invoice, while the reminder waits.
     */
    static final Downloader KEPT_ONLY = url -> {
        throw new NotFetchedYet();
    };

    // The files to fetch ahead: first those of the email reminders about to go out, then those of the open items
    // falling due within the horizon (none when it is null); none refused for good, none that failed in the last
    // quarter of an hour. Within each group one file per debtor comes first (its oldest item), then the second, so
    // that a round too short for all still gives most reminders one of their invoices.
    private static final String TO_FETCH = """
            WITH about_to_go AS (
                SELECT DISTINCT unnest(r.item_invoice_ids) AS invoice_id
                FROM reminder r WHERE r.division = ? AND r.channel = 'EMAIL' AND r.status IN ('PLANNED', 'AWAITING_APPROVAL')
            ), wanted AS (
                SELECT i.invoice_number, a.id, a.file_name, a.url, a.content, a.refused_reason, i.due_date,
                       g.invoice_id IS NOT NULL AS planned,
                       row_number() OVER (PARTITION BY i.debtor_id, g.invoice_id IS NOT NULL ORDER BY i.due_date, a.id) AS nth
                FROM invoice_pdf p
                JOIN invoice i ON i.id = p.invoice_id
                JOIN document_attachment a ON a.id = p.attachment_id
                LEFT JOIN about_to_go g ON g.invoice_id = i.id
                WHERE i.division = ? AND NOT p.cached AND p.refused_reason IS NULL AND i.closed_at IS NULL AND i.open_amount > 0
                  AND (g.invoice_id IS NOT NULL OR i.due_date <= ?)
                  AND (a.last_fetch_at IS NULL OR a.last_fetch_at < ?)
            )
            SELECT invoice_number, id, file_name, url, content, refused_reason
            FROM wanted
            ORDER BY NOT planned, nth, due_date, id
            LIMIT ?
            """;

    /** Two rounds for the same division at once would download the same files; the second one passes. */
    private static final int ROUND_LOCK = 0x50444631;

    // Per reminder, one row per invoice, in the order the reminder lists them; the first PDF attachment of its
    // document when Exact has one (an invoice printed twice has two: the first is the original).
    private static final String FILES = """
            SELECT DISTINCT ON (r.id, i.due_date, i.invoice_number, i.id)
                   i.invoice_number, a.id, a.file_name, a.url, a.content, a.refused_reason, r.id
            FROM reminder r
            JOIN invoice i ON i.id = ANY (r.item_invoice_ids)
            LEFT JOIN invoice_pdf p ON p.invoice_id = i.id
            LEFT JOIN document_attachment a ON a.id = p.attachment_id
            WHERE r.id = ANY (?)
            ORDER BY r.id, i.due_date, i.invoice_number, i.id, a.id
            """;

    private final DataSource dataSource;
    private final Clock clock;
    private final long maxFileBytes;
    private final long maxMailBytes;

    PdfCache(DataSource dataSource, Clock clock, long maxFileBytes, long maxMailBytes) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
        this.maxMailBytes = maxMailBytes;
    }

    private record Row(String invoiceNumber, Long attachmentId, String fileName, String url, byte[] content,
            String refused, Long reminderId) {
    }

    /** The files of each of the reminders, read in one statement; every reminder asked for is in the map. */
    Map<Long, InvoiceFiles> forReminders(List<Long> reminderIds, Downloader downloader) {
        Map<Long, List<Row>> rows = new HashMap<>();
        try {
            rows(reminderIds).forEach(row -> rows.computeIfAbsent(row.reminderId(), id -> new ArrayList<>()).add(row));
        } catch (SQLException e) {
            LOG.warning("Cannot read the invoice PDFs of reminders " + reminderIds + ": " + e.getMessage());
            rows.clear();
        }
        Map<Long, InvoiceFiles> files = new HashMap<>();
        for (Long id : reminderIds) {
            files.put(id, files(rows.getOrDefault(id, List.of()), downloader));
        }
        return files;
    }

    private InvoiceFiles files(List<Row> rows, Downloader downloader) {
        List<InvoiceFile> attached = new ArrayList<>();
        List<InvoiceFiles.Missing> missing = new ArrayList<>();
        long total = 0;
        for (Row row : rows) {
            String number = row.invoiceNumber() == null ? "?" : row.invoiceNumber();
            if (row.attachmentId() == null) {
                missing.add(new InvoiceFiles.Missing(number, "Exact Online has no PDF of this invoice"));
                continue;
            }
            if (row.refused() != null) {
                missing.add(new InvoiceFiles.Missing(number, row.refused()));
                continue;
            }
            byte[] content = row.content() != null ? row.content() : fetch(row, downloader, missing, number);
            if (content == null) {
                continue;
            }
            if (total + content.length > maxMailBytes) {
                missing.add(new InvoiceFiles.Missing(number, "the email would grow over " + maxMailBytes + " bytes"));
                continue;
            }
            total += content.length;
            attached.add(new InvoiceFile(number, fileName(row, number), content));
        }
        return new InvoiceFiles(List.copyOf(attached), List.copyOf(missing));
    }

    /**
     * Fetches up to {@code limit} files of a division (Exact's limits are per division) ahead of the reminders
     * that will list them (see TO_FETCH): those of planned email reminders, then those of open items due by
     * {@code dueBy} (null: planned reminders only). Stops at the first failure that is not about the file itself
     * (the call reserve, a 429, an outage), for the next round to go on. Returns how many were fetched; none
     * while another round of the division is under way (on any server).
     */
    int prefetch(int division, LocalDate dueBy, int limit, Downloader downloader) {
        return prefetch(division, dueBy, limit, downloader, false);
    }

    /** As {@link #prefetch(int, LocalDate, int, Downloader)}, but waits for a round under way to end rather than pass. */
    int prefetchAfterOtherRounds(int division, LocalDate dueBy, int limit, Downloader downloader) {
        return prefetch(division, dueBy, limit, downloader, true);
    }

    private int prefetch(int division, LocalDate dueBy, int limit, Downloader downloader, boolean wait) {
        try (Connection lock = dataSource.getConnection()) {
            // pg_advisory_lock answers void, which is not NULL: select a constant from it instead.
            if (!roundLock(lock, wait ? "true FROM pg_advisory_lock(?, ?)" : "pg_try_advisory_lock(?, ?)", division)) {
                return 0;
            }
            try {
                return prefetch(rowsToFetch(division, dueBy, limit), downloader);
            } finally {
                roundLock(lock, "pg_advisory_unlock(?, ?)", division);
            }
        } catch (SQLException e) {
            LOG.warning("Cannot read which invoice PDFs to fetch: " + e.getMessage());
            return 0;
        }
    }

    /** {@code call} answers whether the lock is held. */
    private static boolean roundLock(Connection c, String call, int division) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + call)) {
            ps.setInt(1, ROUND_LOCK);
            ps.setInt(2, division);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<Row> rowsToFetch(int division, LocalDate dueBy, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(TO_FETCH)) {
            ps.setInt(1, division);
            ps.setInt(2, division);
            ps.setObject(3, dueBy, Types.DATE);
            ps.setTimestamp(4, Timestamp.from(clock.instant().minus(Duration.ofMinutes(15))));
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
                            rs.getBytes(5), rs.getString(6), null));
                }
            }
        }
        return rows;
    }

    private int prefetch(List<Row> rows, Downloader downloader) {
        boolean[] stop = {false};
        Downloader watching = url -> {
            try {
                return downloader.download(url);
            } catch (RefusedFileException e) {
                throw e;
            } catch (RuntimeException e) {
                stop[0] = true;
                throw e;
            }
        };
        int fetched = 0;
        List<InvoiceFiles.Missing> failed = new ArrayList<>();
        for (Row row : rows) {
            if (fetch(row, watching, failed, row.invoiceNumber()) != null) {
                fetched++;
            }
            if (stop[0]) {
                break;
            }
        }
        return fetched;
    }

    /**
     * Claims the division's first round (after its first full sync): true once per division, whichever server
     * asks first.
     */
    boolean claimFirstRound(int division) {
        return update("UPDATE division SET first_pdf_round_started_at = ? WHERE code = ? AND first_pdf_round_started_at IS NULL",
                now(), division) == 1;
    }

    /** Whether a first round that started after {@code since} is still running in a managed division. */
    boolean firstRoundUnderWay(Instant since) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM division
                               WHERE managed AND first_pdf_round_ended_at IS NULL AND first_pdf_round_started_at > ?)
                """)) {
            ps.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            LOG.warning("Cannot read whether invoice PDFs are being fetched: " + e.getMessage());
            return false;
        }
    }

    void firstRoundEnded(int division) {
        update("UPDATE division SET first_pdf_round_ended_at = ? WHERE code = ?", now(), division);
    }

    private byte[] fetch(Row row, Downloader downloader, List<InvoiceFiles.Missing> missing, String number) {
        try {
            byte[] content = downloader.download(row.url());
            if (content.length > maxFileBytes) {
                throw new RefusedFileException("the file is " + content.length + " bytes, more than the "
                        + maxFileBytes + " allowed");
            }
            update("UPDATE document_attachment SET content = ?, content_type = 'application/pdf', fetched_at = ?, "
                    + "last_fetch_at = ?, last_fetch_error = NULL WHERE id = ? AND url = ?", content, now(), now(),
                    row.attachmentId(), row.url());
            return content;
        } catch (NotFetchedYet e) {
            missing.add(new InvoiceFiles.Missing(number, "not fetched from Exact Online yet (PDFs are fetched ahead, "
                    + "a few each dispatch round)"));
        } catch (BudgetReservedException e) {
            // Not this file's failure, and no call was made: it is the first in line for the next round.
            LOG.info(() -> "Invoice PDFs: the round stops at invoice " + number + ": " + e.getMessage());
            missing.add(new InvoiceFiles.Missing(number, e.getMessage()));
        } catch (RefusedFileException e) {
            String reason = "Exact Online's file was refused: " + e.getMessage();
            LOG.warning("Invoice " + number + ", attachment " + row.attachmentId() + ": " + reason);
            update("UPDATE document_attachment SET refused_reason = ?, last_fetch_error = ?, last_fetch_at = ? "
                    + "WHERE id = ? AND url = ?", reason, reason, now(), row.attachmentId(), row.url());
            missing.add(new InvoiceFiles.Missing(number, reason));
        } catch (RuntimeException e) {
            String reason = "the download from Exact Online failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            LOG.warning("Invoice " + number + ", attachment " + row.attachmentId() + ": " + reason);
            update("UPDATE document_attachment SET last_fetch_error = ?, last_fetch_at = ? WHERE id = ?",
                    reason, now(), row.attachmentId());
            missing.add(new InvoiceFiles.Missing(number, reason));
        }
        return null;
    }

    private static String fileName(Row row, String number) {
        String name = row.fileName() == null ? "" : row.fileName().replaceAll("[\\\\/\\r\\n\"]", "_").strip();
        return name.isEmpty() ? "invoice-" + number + ".pdf" : name;
    }

    private List<Row> rows(List<Long> reminderIds) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FILES)) {
            ps.setArray(1, c.createArrayOf("bigint", reminderIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
                            rs.getBytes(5), rs.getString(6), rs.getLong(7)));
                }
            }
        }
        return rows;
    }

    /**
     * Keeping what was learnt is a courtesy: if it fails the reminder still goes, and the next one asks again.
     * Answers the rows changed, 0 when it failed.
     */
    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warning("Cannot keep the outcome of an invoice PDF download: " + e.getMessage());
            return 0;
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}

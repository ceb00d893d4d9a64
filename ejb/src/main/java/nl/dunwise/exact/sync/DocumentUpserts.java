package nl.dunwise.exact.sync;

import static nl.dunwise.exact.sync.ReceivableUpserts.array;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * The set-based upserts of SalesInvoice/SalesInvoices and Documents/DocumentAttachments pages; a row only
 * moves forward in Exact's Timestamp.
 */
final class DocumentUpserts {

    private DocumentUpserts() {
    }

    private static final String SALES_INVOICES = """
            INSERT INTO sales_invoice (division, exact_id, invoice_number, your_ref, description, order_date,
                                       document_exact_id, exact_status, exact_timestamp, synced_at)
            SELECT ?, u.exact_id, u.invoice_number, u.your_ref, u.description, u.order_date, u.document, u.status, u.ts, ?
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::date[], ?::uuid[], ?::smallint[], ?::bigint[])
                 AS u(exact_id, invoice_number, your_ref, description, order_date, document, status, ts)
            ON CONFLICT (division, exact_id) DO UPDATE SET
                invoice_number = excluded.invoice_number, your_ref = excluded.your_ref,
                description = excluded.description, order_date = excluded.order_date,
                document_exact_id = excluded.document_exact_id, exact_status = excluded.exact_status,
                exact_timestamp = excluded.exact_timestamp, synced_at = excluded.synced_at
            WHERE sales_invoice.exact_timestamp <= excluded.exact_timestamp
            """;

    static int upsertSalesInvoices(Connection c, int division, List<SalesInvoiceRecord> rows, Timestamp now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SALES_INVOICES)) {
            int i = 1;
            ps.setInt(i++, division);
            ps.setTimestamp(i++, now);
            ps.setArray(i++, array(c, "uuid", rows, SalesInvoiceRecord::invoiceId));
            ps.setArray(i++, array(c, "text", rows, SalesInvoiceRecord::invoiceNumber));
            ps.setArray(i++, array(c, "text", rows, SalesInvoiceRecord::yourRef));
            ps.setArray(i++, array(c, "text", rows, SalesInvoiceRecord::description));
            ps.setArray(i++, array(c, "date", rows, r -> r.orderDate() == null ? null : Date.valueOf(r.orderDate())));
            ps.setArray(i++, array(c, "uuid", rows, SalesInvoiceRecord::document));
            ps.setArray(i++, array(c, "int2", rows, r -> r.status() == null ? null : r.status().shortValue()));
            ps.setArray(i, array(c, "int8", rows, SalesInvoiceRecord::timestamp));
            return ps.executeUpdate();
        }
    }

    // A newer version of an attachment (another file, another URL) empties the cached content and forgets an
    // earlier refusal, so the next reminder fetches it again. The same version replayed (a resumed page)
    // changes nothing, so the cache survives a resumed sync.
    private static final String ATTACHMENTS = """
            INSERT INTO document_attachment (division, exact_id, document_exact_id, file_name, file_size, url,
                                             exact_timestamp, synced_at)
            SELECT ?, u.exact_id, u.document, u.file_name, u.file_size, u.url, u.ts, ?
            FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::bigint[], ?::text[], ?::bigint[])
                 AS u(exact_id, document, file_name, file_size, url, ts)
            ON CONFLICT (division, exact_id) DO UPDATE SET
                document_exact_id = excluded.document_exact_id, file_name = excluded.file_name,
                file_size = excluded.file_size, url = excluded.url, exact_timestamp = excluded.exact_timestamp,
                synced_at = excluded.synced_at, content = NULL, content_type = NULL, fetched_at = NULL,
                refused_reason = NULL
            WHERE document_attachment.exact_timestamp < excluded.exact_timestamp
            """;

    static int upsertAttachments(Connection c, int division, List<DocumentAttachmentRecord> rows, Timestamp now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ATTACHMENTS)) {
            int i = 1;
            ps.setInt(i++, division);
            ps.setTimestamp(i++, now);
            ps.setArray(i++, array(c, "uuid", rows, DocumentAttachmentRecord::id));
            ps.setArray(i++, array(c, "uuid", rows, DocumentAttachmentRecord::document));
            ps.setArray(i++, array(c, "text", rows, DocumentAttachmentRecord::fileName));
            ps.setArray(i++, array(c, "int8", rows, DocumentAttachmentRecord::fileSize));
            ps.setArray(i++, array(c, "text", rows, DocumentAttachmentRecord::url));
            ps.setArray(i, array(c, "int8", rows, DocumentAttachmentRecord::timestamp));
            return ps.executeUpdate();
        }
    }
}

package nl.dunwise.sandbox.exact.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import nl.dunwise.sandbox.exact.document.InvoicePdf;

/**
 * Gives every payment term its sales invoice and, for nine in ten, the document of the printed invoice with
 * its PDF attachment (the tenth was booked without printing, so Exact has no PDF of it). Runs at every start
 * for the terms that have none yet, so a store seeded before these entities existed gets them too. IDs are
 * derived from the term's, so the same term always gets the same invoice, document and attachment.
 */
final class DocumentSeeder {

    static final int TYPE_SALES_INVOICE = 8020;
    static final int TYPE_SALES_CREDIT_NOTE = 8021;
    static final int DOCUMENT_TYPE_SALES_INVOICE = 10;
    static final int STATUS_PROCESSED = 50;

    private DocumentSeeder() {
    }

    /** The columns {@link #pdfData} reads, from {@code s} (sales invoice), {@code a} (account), {@code d} (division). */
    static final String PDF_COLUMNS = "d.description, s.invoice_number, s.invoice_date, s.due_date, a.name, "
            + "a.address_line1, a.postcode, a.city, s.your_ref, s.description, s.amount_dc, s.currency, s.type";

    static InvoicePdf.Data pdfData(ResultSet rs, int first) throws SQLException {
        int i = first;
        String company = rs.getString(i++);
        int number = rs.getInt(i++);
        LocalDate invoiceDate = rs.getObject(i++, LocalDate.class);
        LocalDate dueDate = rs.getObject(i++, LocalDate.class);
        String name = rs.getString(i++);
        String address = rs.getString(i++);
        String postcode = rs.getString(i++);
        String city = rs.getString(i++);
        String yourRef = rs.getString(i++);
        String description = rs.getString(i++);
        BigDecimal amount = rs.getBigDecimal(i++);
        String currency = rs.getString(i++);
        int type = rs.getInt(i);
        String place = ((postcode == null ? "" : postcode) + "  " + (city == null ? "" : city)).strip();
        return new InvoicePdf.Data(company, number, invoiceDate, dueDate, name, address, place, yourRef, description,
                amount, currency, type == TYPE_SALES_CREDIT_NOTE);
    }

    static String fileName(int invoiceNumber, boolean creditNote) {
        return (creditNote ? "Creditnota " : "Factuur ") + invoiceNumber + ".pdf";
    }

    static UUID derived(String kind, UUID term) {
        return UUID.nameUUIDFromBytes((kind + ":" + term).getBytes(StandardCharsets.UTF_8));
    }

    /** Answers how many sales invoices it added. */
    static int seed(Connection c) throws SQLException {
        int added = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT t.id, t.division, t.account_id, t.entry_id, t.journal, t.created, t.transaction_type,
                       t.invoice_number, t.invoice_date, t.due_date, t.currency, t.transaction_amount_dc, t.description,
                       t.your_ref, d.description, a.name, a.address_line1, a.postcode, a.city
                FROM exs_payment_term t JOIN exs_account a ON a.id = t.account_id JOIN exs_division d ON d.code = t.division
                WHERE NOT EXISTS (SELECT 1 FROM exs_sales_invoice s WHERE s.payment_term_id = t.id)
                ORDER BY t.row_version
                """);
                PreparedStatement invoices = c.prepareStatement("INSERT INTO exs_sales_invoice (id, invoice_id, division, "
                        + "payment_term_id, account_id, invoice_number, line_number, type, status, journal, invoice_date, "
                        + "due_date, order_date, currency, amount_dc, description, your_ref, document_id, created, modified) "
                        + "VALUES (?,?,?,?,?,?,1,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement documents = c.prepareStatement("INSERT INTO exs_document (id, division, account_id, type, "
                        + "subject, document_date, sales_invoice_number, entry_id, created, modified) VALUES (?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement attachments = c.prepareStatement("INSERT INTO exs_document_attachment (id, division, "
                        + "document_id, file_name, file_size, created, modified) VALUES (?,?,?,?,?,?,?)")) {
            while (rs.next()) {
                UUID term = rs.getObject(1, UUID.class);
                int division = rs.getInt(2);
                UUID account = rs.getObject(3, UUID.class);
                Instant created = rs.getObject(6, java.time.OffsetDateTime.class).toInstant();
                boolean creditNote = rs.getInt(7) == 21;
                int number = rs.getInt(8);
                LocalDate invoiceDate = rs.getObject(9, LocalDate.class);
                int spread = Math.floorMod(term.hashCode(), 10);
                boolean printed = spread != 0;
                UUID document = printed ? derived("document", term) : null;
                String description = rs.getString(13);
                Jdbc.bind(invoices, derived("invoice-line", term), derived("invoice", term), division, term, account, number,
                        creditNote ? TYPE_SALES_CREDIT_NOTE : TYPE_SALES_INVOICE, STATUS_PROCESSED, rs.getString(5),
                        invoiceDate, rs.getObject(10, LocalDate.class), invoiceDate.minusDays(spread), rs.getString(11),
                        rs.getBigDecimal(12), description, rs.getString(14), document, Jdbc.utc(created), Jdbc.utc(created));
                invoices.addBatch();
                if (printed) {
                    InvoicePdf.Data data = new InvoicePdf.Data(rs.getString(15), number, invoiceDate,
                            rs.getObject(10, LocalDate.class), rs.getString(16), rs.getString(17),
                            ((rs.getString(18) == null ? "" : rs.getString(18)) + "  "
                                    + (rs.getString(19) == null ? "" : rs.getString(19))).strip(),
                            rs.getString(14), description, rs.getBigDecimal(12), rs.getString(11), creditNote);
                    Jdbc.bind(documents, document, division, account, DOCUMENT_TYPE_SALES_INVOICE,
                            (creditNote ? "Creditnota " : "Factuur ") + number, invoiceDate, number,
                            rs.getObject(4, UUID.class), Jdbc.utc(created), Jdbc.utc(created));
                    documents.addBatch();
                    Jdbc.bind(attachments, derived("attachment", term), division, document, fileName(number, creditNote),
                            (long) InvoicePdf.render(data).length, Jdbc.utc(created), Jdbc.utc(created));
                    attachments.addBatch();
                }
                added++;
            }
            invoices.executeBatch();
            documents.executeBatch();
            attachments.executeBatch();
        }
        return added;
    }
}

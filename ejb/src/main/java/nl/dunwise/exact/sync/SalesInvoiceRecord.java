package nl.dunwise.exact.sync;

import static nl.dunwise.exact.client.ExactJson.date;
import static nl.dunwise.exact.client.ExactJson.guid;
import static nl.dunwise.exact.client.ExactJson.int32;
import static nl.dunwise.exact.client.ExactJson.int64;
import static nl.dunwise.exact.client.ExactJson.numberAsText;
import static nl.dunwise.exact.client.ExactJson.optionalString;
import static nl.dunwise.exact.sync.AccountRecord.blankToNull;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The header of an Exact sales invoice (SalesInvoice/SalesInvoices). Exact sends one record per invoice line,
 * each carrying the header's fields, so records are keyed by {@code InvoiceID}, not by the line's {@code ID}.
 * {@code Document} is the Exact document whose attachment is the invoice's PDF; it is empty for an invoice
 * that was never printed or sent from Exact.
 */
record SalesInvoiceRecord(UUID invoiceId, String invoiceNumber, String yourRef, String description,
        LocalDate orderDate, UUID document, Integer status, long timestamp) {

    static SalesInvoiceRecord parse(JsonObject r) {
        return new SalesInvoiceRecord(guid(r, "InvoiceID"),
                numberAsText(r, "InvoiceNumber").orElse(null),
                blankToNull(optionalString(r, "YourRef").orElse(null)),
                blankToNull(optionalString(r, "Description").orElse(null)),
                date(r, "OrderDate").orElse(null),
                optionalString(r, "Document").filter(d -> !d.isBlank()).map(d -> guid(r, "Document")).orElse(null),
                int32(r, "Status").orElse(null),
                int64(r, "Timestamp"));
    }

    static ParsedPage<SalesInvoiceRecord> parseAll(List<JsonObject> records) {
        return ParsedPage.of(records, SalesInvoiceRecord::parse, SalesInvoiceRecord::invoiceId,
                SalesInvoiceRecord::timestamp);
    }
}

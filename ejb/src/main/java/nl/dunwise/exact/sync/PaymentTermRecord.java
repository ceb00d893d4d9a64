package nl.dunwise.exact.sync;

import static nl.dunwise.exact.client.ExactJson.date;
import static nl.dunwise.exact.client.ExactJson.decimal;
import static nl.dunwise.exact.client.ExactJson.guid;
import static nl.dunwise.exact.client.ExactJson.int32;
import static nl.dunwise.exact.client.ExactJson.int64;
import static nl.dunwise.exact.client.ExactJson.numberAsText;
import static nl.dunwise.exact.client.ExactJson.optionalString;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.dunwise.exact.client.MalformedRecordException;

/**
 * An Exact payment term (Cashflow/PaymentTerms): {@code AmountDC} is what is still open of one invoice or
 * credit note, {@code TransactionAmountDC} the amount it was issued for.
 */
record PaymentTermRecord(UUID id, UUID account, String invoiceNumber, String entryNumber, LocalDate invoiceDate,
        LocalDate dueDate, BigDecimal amount, BigDecimal invoiceAmount, String currency, int status, String description,
        long timestamp) {

    /** Exact's status of a term still to be paid; 50 is processed (paid or matched). */
    static final int OPEN = 20;

    static PaymentTermRecord parse(JsonObject r) {
        LocalDate invoiceDate = date(r, "InvoiceDate").orElse(null);
        LocalDate dueDate = date(r, "DueDate").orElse(invoiceDate);
        if (dueDate == null) {
            throw new MalformedRecordException("payment term " + r.get("ID") + " has neither DueDate nor InvoiceDate");
        }
        return new PaymentTermRecord(guid(r, "ID"), guid(r, "Account"),
                numberAsText(r, "InvoiceNumber").orElse(null), numberAsText(r, "EntryNumber").orElse(null),
                invoiceDate, dueDate,
                decimal(r, "AmountDC").orElseThrow(() -> new MalformedRecordException("payment term " + r.get("ID") + " has no AmountDC")),
                decimal(r, "TransactionAmountDC").orElse(null),
                optionalString(r, "Currency").map(String::trim).filter(c -> c.length() == 3).orElse(null),
                int32(r, "Status").orElse(OPEN),
                optionalString(r, "Description").orElse(null),
                int64(r, "Timestamp"));
    }

    static ParsedPage<PaymentTermRecord> parseAll(List<JsonObject> records) {
        return ParsedPage.of(records, PaymentTermRecord::parse, PaymentTermRecord::id, PaymentTermRecord::timestamp);
    }
}

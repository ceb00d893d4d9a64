package nl.dunwise.exact.sync;

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
import nl.dunwise.exact.client.ExactJson;
import nl.dunwise.exact.client.MalformedRecordException;

/**
 * A journal line (Financial/TransactionLines). Only the customer's line of a cash or bank entry that names
 * the invoice it pays is a payment; every other line (sales entries, general ledger lines) passes by.
 */
record TransactionLineRecord(UUID id, UUID account, BigDecimal amount, LocalDate date, String invoiceNumber, int type,
        long timestamp) {

    /** Exact's transaction type of a cash or bank entry; 20 is a sales entry, 21 a sales credit note. */
    static final int CASH_OR_BANK = 40;

    static TransactionLineRecord parse(JsonObject r) {
        UUID id = guid(r, "ID");
        int type = int32(r, "Type").orElseThrow(() -> new MalformedRecordException("transaction line " + id + " has no Type"));
        UUID account = optionalString(r, "Account").isPresent() ? guid(r, "Account") : null;
        String invoiceNumber = numberAsText(r, "InvoiceNumber").orElse(null);
        TransactionLineRecord line = new TransactionLineRecord(id, account, decimal(r, "AmountDC").orElse(null),
                ExactJson.date(r, "Date").orElse(null), invoiceNumber, type, int64(r, "Timestamp"));
        if (line.isPayment() && (line.amount == null || line.date == null)) {
            throw new MalformedRecordException("payment line " + id + " has no AmountDC or Date");
        }
        return line;
    }

    static ParsedPage<TransactionLineRecord> parseAll(List<JsonObject> records) {
        return ParsedPage.of(records, TransactionLineRecord::parse, TransactionLineRecord::id,
                TransactionLineRecord::timestamp);
    }

    boolean isPayment() {
        return type == CASH_OR_BANK && account != null && invoiceNumber != null;
    }

    /** The customer's line of a receipt is a credit (negative AmountDC); a payment is positive, a refund negative. */
    BigDecimal paidAmount() {
        return amount.negate();
    }
}

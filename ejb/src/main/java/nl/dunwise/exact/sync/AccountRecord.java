package nl.dunwise.exact.sync;

import static nl.dunwise.exact.client.ExactJson.bool;
import static nl.dunwise.exact.client.ExactJson.decimal;
import static nl.dunwise.exact.client.ExactJson.guid;
import static nl.dunwise.exact.client.ExactJson.int64;
import static nl.dunwise.exact.client.ExactJson.optionalString;
import static nl.dunwise.exact.client.ExactJson.string;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.dunwise.exact.client.MalformedRecordException;

/** An Exact account (CRM/Accounts) as a debtor row. */
record AccountRecord(UUID id, String code, String name, String email, String phone, String language,
        String country, String city, String postcode, String addressLine1, String status, boolean customer,
        boolean blocked, BigDecimal creditLine, String paymentCondition, long timestamp) {

    static AccountRecord parse(JsonObject r) {
        String status = optionalString(r, "Status").map(String::trim).orElse(null);
        String code = string(r, "Code").trim();
        if (code.isEmpty()) {
            throw new MalformedRecordException("an account has an empty Code");
        }
        return new AccountRecord(guid(r, "ID"), code,
                optionalString(r, "Name").orElse(code),
                blankToNull(optionalString(r, "Email").orElse(null)),
                blankToNull(optionalString(r, "Phone").orElse(null)),
                optionalString(r, "Language").map(l -> l.trim().toLowerCase(Locale.ROOT)).filter(l -> !l.isEmpty()).orElse(null),
                optionalString(r, "Country").map(String::trim).filter(c -> !c.isEmpty()).orElse(null),
                optionalString(r, "City").orElse(null),
                optionalString(r, "Postcode").orElse(null),
                optionalString(r, "AddressLine1").orElse(null),
                status,
                "C".equals(status) || bool(r, "IsSales"),
                bool(r, "Blocked"),
                decimal(r, "CreditLineSales").orElse(null),
                optionalString(r, "PaymentConditionSales").map(String::trim).orElse(null),
                int64(r, "Timestamp"));
    }

    static ParsedPage<AccountRecord> parseAll(List<JsonObject> records) {
        return ParsedPage.of(records, AccountRecord::parse, AccountRecord::id, AccountRecord::timestamp);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

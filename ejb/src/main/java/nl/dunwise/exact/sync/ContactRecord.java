package nl.dunwise.exact.sync;

import static nl.dunwise.exact.client.ExactJson.bool;
import static nl.dunwise.exact.client.ExactJson.guid;
import static nl.dunwise.exact.client.ExactJson.int64;
import static nl.dunwise.exact.client.ExactJson.optionalString;
import static nl.dunwise.exact.sync.AccountRecord.blankToNull;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;

/** A person at an account (CRM/Contacts); the main contact's email stands in when the account has none. */
record ContactRecord(UUID id, UUID account, String fullName, String firstName, String lastName, String email,
        String phone, String mobile, boolean mainContact, long timestamp) {

    static ContactRecord parse(JsonObject r) {
        return new ContactRecord(guid(r, "ID"), guid(r, "Account"),
                text(r, "FullName"), text(r, "FirstName"), text(r, "LastName"), text(r, "Email"),
                text(r, "Phone"), text(r, "Mobile"),
                bool(r, "IsMainContact"),
                int64(r, "Timestamp"));
    }

    static ParsedPage<ContactRecord> parseAll(List<JsonObject> records) {
        return ParsedPage.of(records, ContactRecord::parse, ContactRecord::id, ContactRecord::timestamp);
    }

    private static String text(JsonObject r, String field) {
        return blankToNull(optionalString(r, field).orElse(null));
    }
}

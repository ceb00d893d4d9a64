package nl.dunwise.exact.sync;

import static nl.dunwise.exact.client.ExactJson.guid;
import static nl.dunwise.exact.client.ExactJson.instant;
import static nl.dunwise.exact.client.ExactJson.int32;
import static nl.dunwise.exact.client.ExactJson.int64;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.dunwise.exact.client.MalformedRecordException;

/**
 * A record deleted in Exact (sync/Deleted): the key of the deleted record and the kind of entity it was.
 * Exact numbers the kinds; see docs/exact-online.md for the list and where it comes from.
 */
record DeletionRecord(UUID entityKey, int entityType, Instant deletedAt, long timestamp) {

    static final int TRANSACTION_LINE = 1;
    static final int ACCOUNT = 2;
    static final int ATTACHMENT = 4;
    static final int CONTACT = 5;
    static final int PAYMENT_TERM = 10;

    static DeletionRecord parse(JsonObject r) {
        UUID key = guid(r, "EntityKey");
        int type = int32(r, "EntityType").orElseThrow(() -> new MalformedRecordException("deletion of " + key + " has no EntityType"));
        return new DeletionRecord(key, type, instant(r, "DeletedDate").orElse(null), int64(r, "Timestamp"));
    }

    /** Keyed by kind and key: GUIDs of different kinds never clash, but nothing promises it. */
    static ParsedPage<DeletionRecord> parseAll(List<JsonObject> records) {
        return ParsedPage.of(records, DeletionRecord::parse, d -> d.entityType() + "/" + d.entityKey(),
                DeletionRecord::timestamp);
    }
}

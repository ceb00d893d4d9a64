package nl.dunwise.exact.sync;

import static nl.dunwise.exact.client.ExactJson.guid;
import static nl.dunwise.exact.client.ExactJson.int64;
import static nl.dunwise.exact.client.ExactJson.numberAsText;
import static nl.dunwise.exact.client.ExactJson.optionalString;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import nl.dunwise.exact.client.MalformedRecordException;

/**
 * A file attached to an Exact document (Documents/DocumentAttachments): where to download it ({@code Url},
 * which needs the bearer token) and what it claims to be. The content itself is fetched only when needed.
 */
record DocumentAttachmentRecord(UUID id, UUID document, String fileName, Long fileSize, String url, long timestamp) {

    static DocumentAttachmentRecord parse(JsonObject r) {
        String url = optionalString(r, "Url").map(String::strip).filter(u -> !u.isEmpty())
                .orElseThrow(() -> new MalformedRecordException("attachment " + r.get("ID") + " has no Url"));
        Long size;
        try {
            size = numberAsText(r, "FileSize").map(s -> new java.math.BigDecimal(s).longValueExact()).orElse(null);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new MalformedRecordException("attachment " + r.get("ID") + " has FileSize " + r.get("FileSize"));
        }
        return new DocumentAttachmentRecord(guid(r, "ID"), guid(r, "Document"),
                optionalString(r, "FileName").map(String::strip).orElse(null), size, url, int64(r, "Timestamp"));
    }

    static ParsedPage<DocumentAttachmentRecord> parseAll(List<JsonObject> records) {
        return ParsedPage.of(records, DocumentAttachmentRecord::parse, DocumentAttachmentRecord::id,
                DocumentAttachmentRecord::timestamp);
    }
}

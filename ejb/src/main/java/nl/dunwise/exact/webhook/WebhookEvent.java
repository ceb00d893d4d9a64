package nl.dunwise.exact.webhook;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import nl.dunwise.exact.client.ExactJson;
import nl.dunwise.exact.client.MalformedRecordException;

/**
 * The Content of a webhook message: which record of which topic changed how, and when. The endpoint URL
 * in it is not kept: Dunwise reads only from the sync endpoints of the configured Exact host.
 */
public record WebhookEvent(String topic, int division, String action, UUID key, Instant createdOn) {

    /** Reads a Content object whose HashCode was verified; a wrong shape is a {@link MalformedRecordException}. */
    public static WebhookEvent parse(String contentJson) {
        JsonObject c;
        try (JsonReader reader = Json.createReader(new StringReader(contentJson))) {
            c = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedRecordException("the webhook Content is not a JSON object");
        }
        String action = ExactJson.string(c, "Action");
        if (!action.matches("Create|Update|Delete")) {
            throw new MalformedRecordException("the webhook Action is " + action);
        }
        return new WebhookEvent(ExactJson.string(c, "Topic"), division(c), action, ExactJson.guid(c, "Key"),
                createdOn(c));
    }

    private static int division(JsonObject c) {
        JsonValue v = c.get("Division");
        try {
            if (v instanceof JsonNumber n) {
                return n.intValueExact();
            }
            return Integer.parseInt(ExactJson.string(c, "Division").trim());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new MalformedRecordException("the webhook Division is not a division code: " + v);
        }
    }

    /** ISO 8601 with or without an offset (then UTC), or OData's {@code /Date(ms)/}. */
    private static Instant createdOn(JsonObject c) {
        String text = ExactJson.string(c, "EventCreatedOn").trim();
        if (text.startsWith("/Date(")) {
            return ExactJson.instant(c, "EventCreatedOn").orElseThrow();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new MalformedRecordException("the webhook EventCreatedOn is not a date and time: " + text);
            }
        }
    }
}

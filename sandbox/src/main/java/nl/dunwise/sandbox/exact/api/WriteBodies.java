package nl.dunwise.sandbox.exact.api;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import nl.dunwise.sandbox.exact.model.Entities;
import nl.dunwise.sandbox.exact.odata.EntitySchema;

/**
 * The JSON bodies of the write endpoints, checked as strictly as Exact (WCF Data Services) checks them:
 * a property the type does not have, a value of the wrong type or a missing mandatory one is a 400, so a
 * client that passes here sends nothing Exact would refuse for its shape.
 */
final class WriteBodies {

    static final int SUBJECT_MAX = 200;

    private static final Set<String> NOTE_WRITABLE = Set.of("Account", "Contact", "Notes", "Subject");
    private static final String ACCOUNT_TYPE = "Exact.Web.Api.Models.CRM.Account";

    /** A new communication note. */
    record Note(UUID account, UUID contact, String subject, String notes) {
    }

    /** The account properties the sandbox lets a client change; null means "not in the body". */
    record AccountChange(Boolean blocked, Optional<BigDecimal> creditLineSales) {
        boolean isEmpty() {
            return blocked == null && creditLineSales == null;
        }
    }

    private WriteBodies() {
    }

    static Note note(String json) {
        JsonObject body = read(json);
        EntitySchema schema = Entities.COMMUNICATION_NOTES;
        for (String name : body.keySet()) {
            if (name.equals("__metadata")) {
                continue;
            }
            if (schema.field(name).isEmpty()) {
                throw unknownProperty(name, schema.odataType());
            }
            if (!NOTE_WRITABLE.contains(name)) {
                throw new ExactApiException(400, "The property '" + name + "' is read-only and cannot be set.");
            }
        }
        UUID account = guid(body, "Account").orElseThrow(() -> new ExactApiException(400, "Account is mandatory."));
        String subject = text(body, "Subject").filter(s -> !s.isBlank())
                .orElseThrow(() -> new ExactApiException(400, "Subject is mandatory."));
        if (subject.length() > SUBJECT_MAX) {
            throw new ExactApiException(400, "Subject is longer than " + SUBJECT_MAX + " characters.");
        }
        return new Note(account, guid(body, "Contact").orElse(null), subject, text(body, "Notes").orElse(null));
    }

    static AccountChange accountChange(String json) {
        JsonObject body = read(json);
        Boolean blocked = null;
        Optional<BigDecimal> creditLine = null;
        for (Map.Entry<String, JsonValue> e : body.entrySet()) {
            JsonValue v = e.getValue();
            switch (e.getKey()) {
                case "__metadata" -> { }
                case "Blocked" -> {
                    if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
                        throw wrongType("Blocked", "Edm.Boolean");
                    }
                    blocked = v == JsonValue.TRUE;
                }
                case "CreditLineSales" -> {
                    if (v.getValueType() == JsonValue.ValueType.NULL) {
                        creditLine = Optional.empty();
                    } else if (v.getValueType() == JsonValue.ValueType.NUMBER
                            && ((JsonNumber) v).bigDecimalValue().signum() >= 0) {
                        creditLine = Optional.of(((JsonNumber) v).bigDecimalValue());
                    } else {
                        throw new ExactApiException(400, "CreditLineSales must be a number of zero or more, or null.");
                    }
                }
                default -> {
                    if (Entities.SYNC_ACCOUNTS.schema().field(e.getKey()).isEmpty()) {
                        throw unknownProperty(e.getKey(), ACCOUNT_TYPE);
                    }
                    // Exact accepts more; the sandbox keeps the synced data consistent by refusing.
                    throw new ExactApiException(400, "The sandbox only changes Blocked and CreditLineSales of an "
                            + "account, not '" + e.getKey() + "'.");
                }
            }
        }
        AccountChange change = new AccountChange(blocked, creditLine);
        if (change.isEmpty()) {
            throw new ExactApiException(400, "The request changes nothing: send Blocked or CreditLineSales.");
        }
        return change;
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json == null ? "" : json))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ExactApiException(400, "Error processing request stream. The request should be a valid "
                    + "top-level resource object.");
        }
    }

    private static Optional<UUID> guid(JsonObject body, String name) {
        Optional<String> text = text(body, name);
        try {
            return text.map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw wrongType(name, "Edm.Guid");
        }
    }

    private static Optional<String> text(JsonObject body, String name) {
        JsonValue v = body.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw wrongType(name, "Edm.String");
        }
        return Optional.of(((JsonString) v).getString());
    }

    private static ExactApiException unknownProperty(String name, String type) {
        return new ExactApiException(400, "The property '" + name + "' does not exist on type '" + type
                + "'. Make sure to only use property names that are defined by the type.");
    }

    private static ExactApiException wrongType(String name, String type) {
        return new ExactApiException(400, "Error processing request stream. The value of property '" + name
                + "' is not a valid " + type + ".");
    }
}

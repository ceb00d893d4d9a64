package nl.dunwise.exact.client;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading Exact's OData v2 JSON: the {@code d}/{@code results} envelope, {@code __next} links,
 * {@code "/Date(ms)/"} values, GUIDs and amounts. Any value of the wrong shape is refused with a
 * {@link MalformedRecordException} naming the field, never silently turned into null or zero.
 */
public final class ExactJson {

    private static final Pattern DATE = Pattern.compile("^/Date\\((-?\\d+)([+-]\\d{4})?\\)/$");

    private ExactJson() {
    }

    public static List<JsonObject> results(JsonObject body) {
        JsonValue d = body.get("d");
        if (d == null || d.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedRecordException("the answer has no \"d\" object");
        }
        JsonValue results = d.asJsonObject().get("results");
        if (results == null) {
            return List.of(d.asJsonObject());
        }
        if (results.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new MalformedRecordException("\"d.results\" is not a list");
        }
        JsonArray array = results.asJsonArray();
        for (JsonValue v : array) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedRecordException("\"d.results\" holds something that is not a record");
            }
        }
        return array.getValuesAs(JsonObject.class);
    }

    /** The {@code $skiptoken} of the next page, or empty on the last page. */
    public static Optional<String> nextSkiptoken(JsonObject body) {
        JsonValue d = body.get("d");
        if (d == null || d.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        JsonValue next = d.asJsonObject().get("__next");
        if (next == null || next.getValueType() != JsonValue.ValueType.STRING) {
            return Optional.empty();
        }
        String query = URI.create(((JsonString) next).getString()).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals("$skiptoken")) {
                    return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        throw new MalformedRecordException("\"__next\" has no $skiptoken: " + ((JsonString) next).getString());
    }

    public static Optional<LocalDate> date(JsonObject record, String field) {
        return instant(record, field).map(i -> i.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    public static Optional<Instant> instant(JsonObject record, String field) {
        String text = optionalString(record, field).orElse(null);
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            throw new MalformedRecordException(field + " is not a /Date(ms)/ value: " + text);
        }
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(m.group(1))));
    }

    public static UUID guid(JsonObject record, String field) {
        String text = optionalString(record, field)
                .orElseThrow(() -> new MalformedRecordException(field + " is missing"));
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException(field + " is not a GUID: " + text);
        }
    }

    public static String string(JsonObject record, String field) {
        return optionalString(record, field).orElseThrow(() -> new MalformedRecordException(field + " is missing"));
    }

    public static Optional<String> optionalString(JsonObject record, String field) {
        JsonValue v = record.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new MalformedRecordException(field + " is not text");
        }
        return Optional.of(((JsonString) v).getString());
    }

    public static Optional<BigDecimal> decimal(JsonObject record, String field) {
        JsonValue v = record.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new MalformedRecordException(field + " is not a number");
        }
        return Optional.of(((JsonNumber) v).bigDecimalValue());
    }

    /** Exact writes Int64 values (Timestamp, HID) as JSON strings, as OData v2 does; accept a number too. */
    public static long int64(JsonObject record, String field) {
        JsonValue v = record.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new MalformedRecordException(field + " is missing");
        }
        try {
            return switch (v.getValueType()) {
                case STRING -> Long.parseLong(((JsonString) v).getString().trim());
                case NUMBER -> ((JsonNumber) v).bigDecimalValue().longValueExact();
                default -> throw new MalformedRecordException(field + " is not an Int64");
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new MalformedRecordException(field + " is not an Int64: " + v);
        }
    }

    /** Exact sends invoice and entry numbers as numbers (Int32); they are kept as text. */
    public static Optional<String> numberAsText(JsonObject record, String field) {
        JsonValue v = record.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        return switch (v.getValueType()) {
            case NUMBER -> Optional.of(((JsonNumber) v).bigDecimalValue().toPlainString());
            case STRING -> Optional.of(((JsonString) v).getString().trim()).filter(t -> !t.isEmpty());
            default -> throw new MalformedRecordException(field + " is neither a number nor text");
        };
    }

    public static Optional<Integer> int32(JsonObject record, String field) {
        return decimal(record, field).map(v -> {
            try {
                return v.intValueExact();
            } catch (ArithmeticException e) {
                throw new MalformedRecordException(field + " is not an Int32: " + v);
            }
        });
    }

    public static boolean bool(JsonObject record, String field) {
        JsonValue v = record.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (v == JsonValue.TRUE) {
            return true;
        }
        if (v == JsonValue.FALSE) {
            return false;
        }
        throw new MalformedRecordException(field + " is not true or false");
    }
}

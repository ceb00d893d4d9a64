package nl.dunwise.sandbox.exact.odata;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes Exact's JSON envelope {@code {"d": {"results": [...], "__next": "..."}}} with a
 * {@code __metadata} object on every record. Streaming, because a sync page is 1000 records.
 * Value forms follow OData v2 verbose JSON as Exact uses it: Int64 as a string, Edm.Double as a
 * number, dates as {@code "/Date(ms)/"}, GUIDs as plain strings, missing values as {@code null}.
 */
public final class ODataJsonWriter {

    /** One record: its values by property name and its {@code __metadata.uri}. */
    public record Record(Map<String, Object> values, String uri) {
    }

    private ODataJsonWriter() {
    }

    /**
     * @param next  the full {@code __next} URL, or null on the last page (then the key is left out)
     * @param count the {@code __count} for {@code $inlinecount=allpages}, or null
     */
    public static void writeResults(OutputStream out, EntitySchema schema, List<Field> selected,
                                    List<Record> records, String next, Long count) {
        try (JsonGenerator g = Json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStartObject("d");
            if (count != null) {
                g.write("__count", count.toString());
            }
            g.writeStartArray("results");
            for (Record r : records) {
                writeRecord(g, schema, selected, r);
            }
            g.writeEnd();
            if (next != null) {
                g.write("__next", next);
            }
            g.writeEnd();
            g.writeEnd();
        }
    }

    /** One record as Exact answers a POST ({@code 201}) or a GET by key: {@code {"d": {...}}}, no results list. */
    public static void writeSingle(OutputStream out, EntitySchema schema, Record record) {
        try (JsonGenerator g = Json.createGenerator(out)) {
            g.writeStartObject();
            g.writeKey("d");
            writeRecord(g, schema, schema.fields(), record);
            g.writeEnd();
        }
    }

    private static void writeRecord(JsonGenerator g, EntitySchema schema, List<Field> selected, Record r) {
        g.writeStartObject();
        g.writeStartObject("__metadata");
        g.write("uri", r.uri());
        g.write("type", schema.odataType());
        g.writeEnd();
        for (Field f : selected) {
            writeValue(g, f.name(), f.type(), r.values().get(f.name()));
        }
        g.writeEnd();
    }

    static void writeValue(JsonGenerator g, String name, EdmType type, Object v) {
        if (v == null) {
            g.writeNull(name);
            return;
        }
        switch (type) {
            case INT16:
            case INT32:
                g.write(name, ((Number) v).intValue());
                break;
            case INT64:
            case DECIMAL:
                g.write(name, v.toString());
                break;
            case DOUBLE:
                g.write(name, v instanceof BigDecimal bd ? bd : new BigDecimal(v.toString()));
                break;
            case BOOLEAN:
                g.write(name, (Boolean) v);
                break;
            case DATETIME:
                g.write(name, ODataDates.format((Instant) v));
                break;
            default:
                g.write(name, v.toString());
        }
    }
}

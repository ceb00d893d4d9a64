package nl.dunwise.sandbox.exact.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class ODataJsonWriterTest {

    private static JsonObject write(List<Field> fields, String next, Long count) {
        Map<String, Object> v = new HashMap<>();
        v.put("Timestamp", 3000000123L);
        v.put("Blocked", true);
        v.put("Code", "              1000");
        v.put("Created", Instant.ofEpochMilli(1700000000000L));
        v.put("CreditLineSales", new BigDecimal("1234.50"));
        v.put("Division", 3124567);
        v.put("ID", UUID.fromString("12abcdef-1234-1234-1234-123456abcdef"));
        v.put("Name", null);
        v.put("Status", 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ODataJsonWriter.writeResults(out, TestSchemas.ACCOUNT, fields,
                List.of(new ODataJsonWriter.Record(v, "http://x/api/v1/1/sync/CRM/Accounts(guid'12abcdef-1234-1234-1234-123456abcdef')")),
                next, count);
        return Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8))).readObject();
    }

    @Test
    void valueFormsOfExact() {
        JsonObject d = write(TestSchemas.ACCOUNT.fields(), null, null).getJsonObject("d");
        assertFalse(d.containsKey("__next"), "no __next on the last page");
        assertFalse(d.containsKey("__count"));
        JsonObject r = d.getJsonArray("results").getJsonObject(0);
        assertEquals("Exact.Web.Api.Models.Sync.CRM.Account", r.getJsonObject("__metadata").getString("type"));
        assertTrue(r.getJsonObject("__metadata").getString("uri").endsWith("(guid'12abcdef-1234-1234-1234-123456abcdef')"));
        assertEquals(JsonValue.ValueType.STRING, r.get("Timestamp").getValueType(), "Int64 is a JSON string in OData v2");
        assertEquals("3000000123", r.getString("Timestamp"));
        assertEquals(JsonValue.TRUE, r.get("Blocked"));
        assertEquals("              1000", r.getString("Code"));
        assertEquals("/Date(1700000000000)/", r.getString("Created"));
        assertEquals(new BigDecimal("1234.50"), r.getJsonNumber("CreditLineSales").bigDecimalValue());
        assertEquals(3124567, r.getInt("Division"));
        assertEquals("12abcdef-1234-1234-1234-123456abcdef", r.getString("ID"));
        assertEquals(JsonValue.NULL, r.get("Name"));
        assertEquals(20, r.getInt("Status"));
    }

    @Test
    void onlySelectedFieldsPlusMetadata() {
        JsonObject d = write(List.of(TestSchemas.ACCOUNT.require("ID")), "http://next", 42L).getJsonObject("d");
        JsonObject r = d.getJsonArray("results").getJsonObject(0);
        assertEquals(2, r.size());
        assertTrue(r.containsKey("__metadata"));
        assertTrue(r.containsKey("ID"));
        assertEquals("http://next", d.getString("__next"));
        assertEquals("42", d.getString("__count"));
    }

    @Test
    void aSingleRecordIsTheObjectInDWithEveryField() {
        Map<String, Object> v = new HashMap<>();
        v.put("ID", UUID.fromString("12abcdef-1234-1234-1234-123456abcdef"));
        v.put("Created", Instant.ofEpochMilli(1700000000000L));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ODataJsonWriter.writeSingle(out, TestSchemas.ACCOUNT, new ODataJsonWriter.Record(v, "http://x/r(guid'1')"));
        JsonObject d = Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8))).readObject().getJsonObject("d");
        assertFalse(d.containsKey("results"));
        assertEquals("http://x/r(guid'1')", d.getJsonObject("__metadata").getString("uri"));
        assertEquals("12abcdef-1234-1234-1234-123456abcdef", d.getString("ID"));
        assertEquals("/Date(1700000000000)/", d.getString("Created"));
        assertEquals(TestSchemas.ACCOUNT.fields().size() + 1, d.size(), "every field, null or not, plus __metadata");
    }
}

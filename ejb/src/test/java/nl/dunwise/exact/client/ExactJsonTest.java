package nl.dunwise.exact.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExactJsonTest {

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void readsTheEnvelopeAndTheSkiptokenOfTheNextPage() {
        JsonObject body = json("""
                {"d":{"results":[{"ID":"a"},{"ID":"b"}],
                      "__next":"https://start.exactonline.nl/api/v1/1/sync/CRM/Accounts?$select=ID&$skiptoken=3000000123L"}}
                """);
        assertEquals(2, ExactJson.results(body).size());
        assertEquals("3000000123L", ExactJson.nextSkiptoken(body).orElseThrow());
        assertTrue(ExactJson.nextSkiptoken(json("{\"d\":{\"results\":[]}}")).isEmpty());
    }

    @Test
    void readsExactValues() {
        JsonObject r = json("""
                {"Due":"/Date(1764028800000)/","Ts":"3000000123","N":12,"G":"5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11","Nil":null}
                """);
        assertEquals(LocalDate.of(2025, 11, 25), ExactJson.date(r, "Due").orElseThrow());
        assertEquals(3_000_000_123L, ExactJson.int64(r, "Ts"));
        assertEquals(12L, ExactJson.int64(r, "N"));
        assertTrue(ExactJson.date(r, "Nil").isEmpty());
        assertEquals("5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11", ExactJson.guid(r, "G").toString());
    }

    @Test
    void refusesMalformedValuesNamingTheField() {
        JsonObject r = json("{\"Due\":\"2025-11-25\",\"G\":\"not-a-guid\",\"Ts\":\"12x\"}");
        assertTrue(assertThrows(MalformedRecordException.class, () -> ExactJson.date(r, "Due")).getMessage().contains("Due"));
        assertTrue(assertThrows(MalformedRecordException.class, () -> ExactJson.guid(r, "G")).getMessage().contains("G"));
        assertThrows(MalformedRecordException.class, () -> ExactJson.int64(r, "Ts"));
        assertThrows(MalformedRecordException.class, () -> ExactJson.results(json("{\"error\":{}}")));
    }

    @Test
    void errorMessagesComeFromExactsBodiesOrFromPlainText() {
        assertEquals("Forbidden", ExactClient.errorMessage("{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\",\"value\":\"Forbidden\"}}}"));
        assertEquals("Token expired", ExactClient.errorMessage("{\"error\":\"invalid_grant\",\"error_description\":\"Token expired\"}"));
        assertEquals("Service Unavailable The server is busy", ExactClient.errorMessage("<html><h1>Service Unavailable</h1><p>The server is busy</p></html>"));
    }
}

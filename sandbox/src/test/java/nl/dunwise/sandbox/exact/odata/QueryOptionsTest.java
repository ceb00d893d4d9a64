package nl.dunwise.sandbox.exact.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class QueryOptionsTest {

    private static final Set<String> SYNC = Set.of("$select", "$filter", "$skiptoken", "$top", "$inlinecount", "$format");

    @Test
    void decodesNamesAndValues() {
        QueryOptions q = QueryOptions.parse("%24filter=Timestamp+gt+5L&$select=ID%2CName&custom=1", SYNC);
        assertEquals("Timestamp gt 5L", q.get("$filter").orElseThrow());
        assertEquals("ID,Name", q.get("$select").orElseThrow());
        assertTrue(q.filter() instanceof FilterExpr.Compare);
        assertNull(q.top());
        assertFalse(q.inlineCount());
    }

    @Test
    void refusesUnknownDuplicateOrUnsupported() {
        assertThrows(ODataException.class, () -> QueryOptions.parse("$foo=1", SYNC));
        assertThrows(ODataException.class, () -> QueryOptions.parse("$expand=Lines", SYNC));
        assertThrows(ODataException.class, () -> QueryOptions.parse("$top=1&$top=2", SYNC));
        assertThrows(ODataException.class, () -> QueryOptions.parse("$top=-1", SYNC));
        assertThrows(ODataException.class, () -> QueryOptions.parse("$top=abc", SYNC));
        assertThrows(ODataException.class, () -> QueryOptions.parse("$inlinecount=some", SYNC));
        assertThrows(ODataException.class, () -> QueryOptions.parse("$format=atom", SYNC));
    }

    @Test
    void validValues() {
        QueryOptions q = QueryOptions.parse("$top=10&$inlinecount=allpages&$format=json", SYNC);
        assertEquals(10, q.top());
        assertTrue(q.inlineCount());
        assertEquals("", QueryOptions.parse(null, SYNC).rawQuery());
    }
}

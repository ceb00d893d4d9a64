package nl.dunwise.sandbox.exact.odata;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class FilterEvaluatorTest {

    private static final UUID ID = UUID.fromString("12abcdef-1234-1234-1234-123456abcdef");

    private static Map<String, Object> row() {
        Map<String, Object> r = new HashMap<>();
        r.put("Timestamp", 3000000123L);
        r.put("Blocked", false);
        r.put("Code", "              1000");
        r.put("Created", Instant.parse("2024-02-01T10:00:00Z"));
        r.put("CreditLineSales", new BigDecimal("2500.00"));
        r.put("Division", 3124567);
        r.put("ID", ID);
        r.put("Name", "Jansen Transport B.V.");
        r.put("Status", null);
        return r;
    }

    private static boolean test(String filter) {
        return FilterEvaluator.matches(FilterParser.parse(filter), TestSchemas.ACCOUNT, row());
    }

    @Test
    void comparisons() {
        assertTrue(test("Timestamp gt 3000000122L"));
        assertFalse(test("Timestamp gt 3000000123L"));
        assertTrue(test("Timestamp ge 3000000123L"));
        assertTrue(test("Division eq 3124567"));
        assertTrue(test("CreditLineSales eq 2500"));
        assertTrue(test("CreditLineSales lt 2500.01"));
        assertTrue(test("Created gt datetime'2024-02-01'"));
        assertTrue(test("ID eq guid'12abcdef-1234-1234-1234-123456abcdef'"));
        assertTrue(test("Blocked eq false"));
    }

    @Test
    void paddedCodeNeedsTrim() {
        assertFalse(test("Code eq '1000'"));
        assertTrue(test("trim(Code) eq '1000'"));
        assertTrue(test("toupper(Name) eq 'JANSEN TRANSPORT B.V.'"));
    }

    @Test
    void nullsFollowSql() {
        assertTrue(test("Status eq null"));
        assertFalse(test("Status ne null"));
        assertFalse(test("Status eq 20"));
        assertFalse(test("Status ne 20"));
    }

    @Test
    void logic() {
        assertTrue(test("Blocked eq true or Division eq 3124567"));
        assertFalse(test("Blocked eq true and Division eq 3124567"));
        assertTrue(test("not (Blocked eq true)"));
    }

    @Test
    void validateRefusesLikeSql() {
        assertThrows(ODataException.class, () -> FilterEvaluator.validate(FilterParser.parse("Timestamp gt 1"), TestSchemas.ACCOUNT));
    }
}

package nl.dunwise.sandbox.exact.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SqlFilterTest {

    private static SqlFilter.Fragment compile(String filter) {
        return SqlFilter.compile(FilterParser.parse(filter), TestSchemas.ACCOUNT);
    }

    private static String error(String filter) {
        return assertThrows(ODataException.class, () -> compile(filter)).getMessage();
    }

    @Test
    void timestampFilter() {
        SqlFilter.Fragment f = compile("Timestamp gt 3000000123L");
        assertEquals("(row_version > ?)", f.sql());
        assertEquals(List.of(3000000123L), f.params());
    }

    @Test
    void int64WithoutLIsRefusedLikeExact() {
        String m = error("Timestamp gt 5");
        assertEquals("Operator 'gt' incompatible with operand types 'System.Int64' and 'System.Int32' at position 10.", m);
    }

    @Test
    void int64LiteralWidensForInt32Property() {
        assertEquals(List.of(5L), compile("Division eq 5L").params());
        assertEquals(List.of(5L), compile("Division eq 5").params());
    }

    @Test
    void codeIsPaddedSoTrimIsNeeded() {
        SqlFilter.Fragment f = compile("trim(Code) eq '1000'");
        assertEquals("(btrim(lpad(code, 18)) = ?)", f.sql());
        assertEquals(List.of("1000"), f.params());
        assertEquals("(lower(name) = ?)", compile("tolower(Name) eq 'x'").sql());
    }

    @Test
    void combinations() {
        SqlFilter.Fragment f = compile("Timestamp gt 1L and (Blocked eq false or not (CreditLineSales le 0))");
        assertEquals("((row_version > ?) AND ((blocked = ?) OR (NOT (credit_line_sales <= ?))))", f.sql());
        assertEquals(List.of(1L, false, BigDecimal.ZERO), f.params());
    }

    @Test
    void literalFirstIsFlipped() {
        SqlFilter.Fragment f = compile("5L lt Timestamp");
        assertEquals("(row_version > ?)", f.sql());
    }

    @Test
    void typedLiterals() {
        UUID id = UUID.fromString("12abcdef-1234-1234-1234-123456abcdef");
        assertEquals(List.of(id), compile("ID eq guid'12abcdef-1234-1234-1234-123456abcdef'").params());
        assertEquals(List.of(OffsetDateTime.of(2024, 1, 31, 0, 0, 0, 0, ZoneOffset.UTC)),
                compile("Created ge datetime'2024-01-31'").params());
        assertEquals("(name IS NULL)", compile("Name eq null").sql());
        assertEquals("(name IS NOT NULL)", compile("Name ne null").sql());
        assertEquals(List.of(new BigDecimal("2.5")), compile("CreditLineSales gt 2.5").params());
    }

    @Test
    void valuesNeverReachTheSqlText() {
        SqlFilter.Fragment f = compile("Name eq 'x''); DROP TABLE exs_account; --'");
        assertEquals("(name = ?)", f.sql());
        assertEquals(List.of("x'); DROP TABLE exs_account; --"), f.params());
    }

    @Test
    void typeErrors() {
        assertTrue(error("Foo eq 1").startsWith("No property 'Foo' exists in type 'Exact.Web.Api.Models.Sync.CRM.Account'"));
        assertTrue(error("timestamp gt 1L").contains("No property 'timestamp'"), "properties are case-sensitive");
        assertTrue(error("Name eq 5").contains("'System.String' and 'System.Int32'"));
        assertTrue(error("ID gt guid'12abcdef-1234-1234-1234-123456abcdef'").contains("Operator 'gt'"));
        assertTrue(error("Blocked gt false").contains("Operator 'gt'"));
        assertTrue(error("Name gt null").contains("Operator 'gt'"));
        assertTrue(error("trim(Division) eq '1'").contains("function with name 'trim'"));
        assertTrue(error("Created gt '2024-01-01'").contains("'System.DateTime' and 'System.String'"));
        assertTrue(error("Name eq Code").contains("two properties"));
        assertTrue(error("1 eq 1").contains("property"));
    }
}

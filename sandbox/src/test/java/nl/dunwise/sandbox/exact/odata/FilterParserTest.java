package nl.dunwise.sandbox.exact.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.dunwise.sandbox.exact.odata.FilterExpr.Compare;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Literal;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Op;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Property;

class FilterParserTest {

    private static Literal literalOf(String filter) {
        Compare c = (Compare) FilterParser.parse(filter);
        return (Literal) c.right();
    }

    @Test
    void timestampWithInt64Literal() {
        Compare c = assertInstanceOf(Compare.class, FilterParser.parse("Timestamp gt 3000000123L"));
        assertEquals(new Property("Timestamp", 0), c.left());
        assertEquals(Op.GT, c.op());
        assertEquals(10, c.position());
        Literal l = (Literal) c.right();
        assertEquals(EdmType.INT64, l.type());
        assertEquals(3000000123L, l.value());
    }

    @Test
    void literalTypesAsOdataV2WritesThem() {
        assertEquals(EdmType.INT32, literalOf("Division eq 5").type());
        assertEquals(EdmType.INT64, literalOf("Timestamp gt 5l").type());
        assertEquals(EdmType.DECIMAL, literalOf("CreditLineSales gt 1.5M").type());
        assertEquals(new BigDecimal("1.5"), literalOf("CreditLineSales gt 1.5").value());
        assertEquals(EdmType.DOUBLE, literalOf("CreditLineSales gt 2.5d").type());
        assertEquals("O'Brien", literalOf("Name eq 'O''Brien'").value());
        assertEquals(UUID.fromString("12abcdef-1234-1234-1234-123456abcdef"),
                literalOf("ID eq guid'12abcdef-1234-1234-1234-123456abcdef'").value());
        assertEquals(Instant.parse("2024-01-31T00:00:00Z"), literalOf("Created ge datetime'2024-01-31'").value());
        assertEquals(Instant.parse("2024-01-31T13:45:00Z"), literalOf("Created ge datetime'2024-01-31T13:45:00'").value());
        assertEquals(Boolean.TRUE, literalOf("Blocked eq true").value());
        assertNull(literalOf("Name eq null").value());
        assertEquals(-12, literalOf("Division gt -12").value());
    }

    @Test
    void andBindsTighterThanOr() {
        FilterExpr e = FilterParser.parse("Division eq 1 or Division eq 2 and Blocked eq true");
        FilterExpr.Or or = assertInstanceOf(FilterExpr.Or.class, e);
        assertInstanceOf(Compare.class, or.left());
        assertInstanceOf(FilterExpr.And.class, or.right());
    }

    @Test
    void parenthesesAndNot() {
        FilterExpr e = FilterParser.parse("not (Division eq 1 or Division eq 2) and Timestamp gt 1L");
        FilterExpr.And and = assertInstanceOf(FilterExpr.And.class, e);
        FilterExpr.Not not = assertInstanceOf(FilterExpr.Not.class, and.left());
        assertInstanceOf(FilterExpr.Or.class, not.inner());
    }

    @Test
    void functionCall() {
        Compare c = (Compare) FilterParser.parse("trim(Code) eq '1000'");
        FilterExpr.Call call = assertInstanceOf(FilterExpr.Call.class, c.left());
        assertEquals("trim", call.function());
        assertEquals(new Property("Code", 5), call.argument());
    }

    @Test
    void unsuffixedIntegerTooLargeForInt32IsRefused() {
        ODataException e = assertThrows(ODataException.class, () -> FilterParser.parse("Timestamp gt 3000000123"));
        assertTrue(e.getMessage().contains("'L' suffix"), e.getMessage());
    }

    @Test
    void syntaxErrors() {
        assertThrows(ODataException.class, () -> FilterParser.parse(""));
        assertThrows(ODataException.class, () -> FilterParser.parse("Timestamp"));
        assertThrows(ODataException.class, () -> FilterParser.parse("Timestamp gt"));
        assertThrows(ODataException.class, () -> FilterParser.parse("Timestamp gt 1L and"));
        assertThrows(ODataException.class, () -> FilterParser.parse("Timestamp > 1L"));
        assertThrows(ODataException.class, () -> FilterParser.parse("Name eq 'open"));
        assertThrows(ODataException.class, () -> FilterParser.parse("(Timestamp gt 1L"));
        assertThrows(ODataException.class, () -> FilterParser.parse("Timestamp gt 1L)"));
        assertThrows(ODataException.class, () -> FilterParser.parse("substringof('a', Name) eq true"));
        assertThrows(ODataException.class, () -> FilterParser.parse("ID eq guid'not-a-guid'"));
        assertThrows(ODataException.class, () -> FilterParser.parse("Created gt datetime'31-01-2024'"));
        assertThrows(ODataException.class, () -> FilterParser.parse("Created gt binary'00'"));
    }
}

package nl.dunwise.sandbox.exact.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.dunwise.sandbox.exact.odata.FilterExpr.Call;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Operand;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Property;

/**
 * Applies a filter to records held in memory (the user, the divisions), with exactly the typing rules
 * of {@link SqlFilter}.
 */
public final class FilterEvaluator {

    private FilterEvaluator() {
    }

    /** Fails with {@link ODataException} for an ill-typed filter even when there are no records. */
    public static void validate(FilterExpr expr, EntitySchema schema) {
        SqlFilter.compileTypesOnly(expr, schema);
    }

    public static boolean matches(FilterExpr expr, EntitySchema schema, Map<String, Object> row) {
        if (expr instanceof FilterExpr.And a) {
            return matches(a.left(), schema, row) && matches(a.right(), schema, row);
        }
        if (expr instanceof FilterExpr.Or o) {
            return matches(o.left(), schema, row) || matches(o.right(), schema, row);
        }
        if (expr instanceof FilterExpr.Not n) {
            return !matches(n.inner(), schema, row);
        }
        Comparison c = Comparison.of((FilterExpr.Compare) expr, schema);
        Object actual = valueOf(c.subject(), row);
        Object expected = c.value();
        if (expected == null) {
            // "eq null" / "ne null" are IS NULL / IS NOT NULL (other operators were refused when typing).
            return c.op() == FilterExpr.Op.EQ ? actual == null : actual != null;
        }
        if (actual == null) {
            return false; // as in SQL: a comparison with a missing value is never true, not even "ne"
        }
        int cmp = compare(actual, expected);
        switch (c.op()) {
            case EQ: return cmp == 0;
            case NE: return cmp != 0;
            case GT: return cmp > 0;
            case GE: return cmp >= 0;
            case LT: return cmp < 0;
            default: return cmp <= 0;
        }
    }

    private static Object valueOf(Operand o, Map<String, Object> row) {
        if (o instanceof Property p) {
            return row.get(p.name());
        }
        Call call = (Call) o;
        Object inner = valueOf(call.argument(), row);
        if (inner == null) {
            return null;
        }
        String s = inner.toString();
        switch (call.function()) {
            case "trim": return s.strip();
            case "tolower": return s.toLowerCase(Locale.ROOT);
            default: return s.toUpperCase(Locale.ROOT);
        }
    }

    private static int compare(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number e) {
            return toBig(a).compareTo(toBig(e));
        }
        if (actual instanceof Instant a && expected instanceof Instant e) {
            return a.compareTo(e);
        }
        if (actual instanceof UUID a && expected instanceof UUID e) {
            return a.equals(e) ? 0 : 1;
        }
        if (actual instanceof Boolean a && expected instanceof Boolean e) {
            return a.equals(e) ? 0 : 1;
        }
        return actual.toString().compareTo(expected.toString());
    }

    private static BigDecimal toBig(Number n) {
        return n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
    }
}

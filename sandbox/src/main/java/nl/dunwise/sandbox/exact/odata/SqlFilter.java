package nl.dunwise.sandbox.exact.odata;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import nl.dunwise.sandbox.exact.odata.FilterExpr.Call;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Operand;

/**
 * Turns a parsed filter into a parameterised SQL condition over the fields' SQL expressions. Values
 * never reach the SQL text, so a client's filter cannot inject anything.
 */
public final class SqlFilter {

    /** A SQL boolean expression with its {@code ?} parameters in order. */
    public record Fragment(String sql, List<Object> params) {
        public Fragment {
            params = List.copyOf(params);
        }
    }

    private SqlFilter() {
    }

    public static Fragment compile(FilterExpr expr, EntitySchema schema) {
        List<Object> params = new ArrayList<>();
        String sql = render(expr, schema, params);
        return new Fragment(sql, params);
    }

    /** Type-checks without needing SQL expressions, for entities that live in memory. */
    static void compileTypesOnly(FilterExpr expr, EntitySchema schema) {
        if (expr instanceof FilterExpr.And a) {
            compileTypesOnly(a.left(), schema);
            compileTypesOnly(a.right(), schema);
        } else if (expr instanceof FilterExpr.Or o) {
            compileTypesOnly(o.left(), schema);
            compileTypesOnly(o.right(), schema);
        } else if (expr instanceof FilterExpr.Not n) {
            compileTypesOnly(n.inner(), schema);
        } else {
            Comparison.of((FilterExpr.Compare) expr, schema);
        }
    }

    private static String render(FilterExpr expr, EntitySchema schema, List<Object> params) {
        if (expr instanceof FilterExpr.And a) {
            return "(" + render(a.left(), schema, params) + " AND " + render(a.right(), schema, params) + ")";
        }
        if (expr instanceof FilterExpr.Or o) {
            return "(" + render(o.left(), schema, params) + " OR " + render(o.right(), schema, params) + ")";
        }
        if (expr instanceof FilterExpr.Not n) {
            return "(NOT " + render(n.inner(), schema, params) + ")";
        }
        Comparison c = Comparison.of((FilterExpr.Compare) expr, schema);
        String subject = subjectSql(c.subject(), schema);
        if (c.value() == null) {
            return "(" + subject + (c.op() == FilterExpr.Op.EQ ? " IS NULL)" : " IS NOT NULL)");
        }
        Object value = c.value() instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : c.value();
        params.add(value);
        return "(" + subject + " " + c.op().sql() + " ?)";
    }

    private static String subjectSql(Operand o, EntitySchema schema) {
        if (o instanceof Call call) {
            String inner = subjectSql(call.argument(), schema);
            switch (call.function()) {
                case "trim": return "btrim(" + inner + ")";
                case "tolower": return "lower(" + inner + ")";
                case "toupper": return "upper(" + inner + ")";
                default: throw new ODataException("Unknown function '" + call.function() + "'.");
            }
        }
        Field f = Comparison.fieldOf(o, schema);
        if (f.sql() == null) {
            throw new ODataException("Property '" + f.name() + "' cannot be used in $filter.");
        }
        return f.sql();
    }
}

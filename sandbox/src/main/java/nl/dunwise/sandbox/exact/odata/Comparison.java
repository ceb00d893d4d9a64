package nl.dunwise.sandbox.exact.odata;

import java.math.BigDecimal;
import java.time.Instant;

import nl.dunwise.sandbox.exact.odata.FilterExpr.Call;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Compare;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Literal;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Op;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Operand;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Property;

/**
 * A type-checked comparison, normalised to "property-side op literal". Both the SQL compiler and the
 * in-memory evaluator start from here, so that the same filter is refused or accepted the same way
 * whichever store answers it.
 *
 * @param subject the property, possibly wrapped in a string function
 * @param field   the property's field
 * @param op      the operator, flipped when the literal was written first
 * @param value   the literal's value converted to the property's Java type (null for {@code null})
 */
record Comparison(Operand subject, Field field, Op op, Object value) {

    static Comparison of(Compare c, EntitySchema schema) {
        Operand left = c.left();
        Operand right = c.right();
        Op op = c.op();
        if (left instanceof Literal && !(right instanceof Literal)) {
            Operand t = left;
            left = right;
            right = t;
            op = op.flipped();
        }
        if (!(right instanceof Literal literal)) {
            throw new ODataException("Comparing two properties is not supported at position " + c.position() + ".");
        }
        if (left instanceof Literal) {
            throw new ODataException("A comparison needs a property at position " + c.position() + ".");
        }
        Field field = fieldOf(left, schema);
        EdmType subjectType = typeOf(left, schema);
        if (!subjectType.acceptsLiteral(literal.type())) {
            throw incompatible(op, subjectType, literal.type(), c.position());
        }
        if (literal.type() == EdmType.NULL || subjectType.equalityOnly()) {
            if (op != Op.EQ && op != Op.NE) {
                throw incompatible(op, subjectType, literal.type(), c.position());
            }
        }
        return new Comparison(left, field, op, convert(literal, subjectType));
    }

    private static ODataException incompatible(Op op, EdmType a, EdmType b, int pos) {
        return new ODataException("Operator '" + op.keyword() + "' incompatible with operand types '"
                + a.clrName() + "' and '" + b.clrName() + "' at position " + pos + ".");
    }

    static Field fieldOf(Operand o, EntitySchema schema) {
        if (o instanceof Property p) {
            return schema.field(p.name()).orElseThrow(() -> new ODataException(
                    "No property '" + p.name() + "' exists in type '" + schema.odataType() + "' at position "
                    + p.position() + "."));
        }
        if (o instanceof Call call) {
            return fieldOf(call.argument(), schema);
        }
        throw new ODataException("A property is expected at position " + o.position() + ".");
    }

    static EdmType typeOf(Operand o, EntitySchema schema) {
        if (o instanceof Property) {
            return fieldOf(o, schema).type();
        }
        if (o instanceof Call call) {
            EdmType argType = typeOf(call.argument(), schema);
            if (argType != EdmType.STRING) {
                throw new ODataException("No function signature for the function with name '" + call.function()
                        + "' matches the specified arguments at position " + call.position() + ".");
            }
            return EdmType.STRING;
        }
        throw new ODataException("A property is expected at position " + o.position() + ".");
    }

    private static Object convert(Literal literal, EdmType target) {
        Object v = literal.value();
        if (v == null) {
            return null;
        }
        switch (target) {
            case INT16:
            case INT32:
            case INT64:
                return ((Number) v).longValue();
            case DOUBLE:
            case DECIMAL:
                return v instanceof BigDecimal bd ? bd : BigDecimal.valueOf(((Number) v).longValue());
            case DATETIME:
                return (Instant) v;
            default:
                return v;
        }
    }
}

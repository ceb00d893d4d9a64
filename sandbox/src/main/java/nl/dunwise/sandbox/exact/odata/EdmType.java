package nl.dunwise.sandbox.exact.odata;

/**
 * The EDM types the sandbox's entities use. The CLR name is kept because Exact's (WCF Data Services)
 * error texts quote it, e.g. "incompatible with operand types 'System.Int64' and 'System.Int32'".
 */
public enum EdmType {
    GUID("System.Guid"),
    STRING("System.String"),
    INT16("System.Int16"),
    INT32("System.Int32"),
    /** Written as a JSON string: OData v2 verbose JSON quotes Int64 so that JavaScript keeps every digit. */
    INT64("System.Int64"),
    /** Exact's money fields are Edm.Double, hence plain JSON numbers. */
    DOUBLE("System.Double"),
    DECIMAL("System.Decimal"),
    BOOLEAN("System.Boolean"),
    DATETIME("System.DateTime"),
    /** Only for the literal {@code null}. */
    NULL("null");

    private final String clrName;

    EdmType(String clrName) {
        this.clrName = clrName;
    }

    public String clrName() {
        return clrName;
    }

    public boolean isIntegral() {
        return this == INT16 || this == INT32 || this == INT64;
    }

    public boolean isNumeric() {
        return isIntegral() || this == DOUBLE || this == DECIMAL;
    }

    /** Only equality makes sense for these; ordering GUIDs or booleans is refused like Exact does. */
    public boolean equalityOnly() {
        return this == GUID || this == BOOLEAN;
    }

    /**
     * Whether a property of this type may be compared with a literal of {@code literal} type.
     * Widening is allowed (an Int64 literal against an Int32 property), but an Int32 literal against an
     * Int64 property is not: Exact insists on the {@code L} suffix ({@code Timestamp gt 5L}).
     */
    public boolean acceptsLiteral(EdmType literal) {
        if (literal == NULL) {
            return true;
        }
        switch (this) {
            case INT16:
            case INT32:
                return literal == INT32 || literal == INT64;
            case INT64:
                return literal == INT64;
            case DOUBLE:
            case DECIMAL:
                return literal.isNumeric();
            default:
                return literal == this;
        }
    }
}

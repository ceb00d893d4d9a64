package nl.dunwise.sandbox.exact.odata;

/**
 * A parsed {@code $filter}. Positions are character offsets into the original text, quoted in error
 * messages as WCF Data Services (and so Exact) does.
 */
public sealed interface FilterExpr {

    record And(FilterExpr left, FilterExpr right) implements FilterExpr {
    }

    record Or(FilterExpr left, FilterExpr right) implements FilterExpr {
    }

    record Not(FilterExpr inner) implements FilterExpr {
    }

    record Compare(Operand left, Op op, Operand right, int position) implements FilterExpr {
    }

    enum Op {
        EQ("=", "eq"), NE("<>", "ne"), GT(">", "gt"), GE(">=", "ge"), LT("<", "lt"), LE("<=", "le");

        private final String sql;
        private final String keyword;

        Op(String sql, String keyword) {
            this.sql = sql;
            this.keyword = keyword;
        }

        public String sql() {
            return sql;
        }

        public String keyword() {
            return keyword;
        }

        /** The operator seen from the other side, for {@code 5L lt Timestamp}. */
        public Op flipped() {
            switch (this) {
                case GT: return LT;
                case GE: return LE;
                case LT: return GT;
                case LE: return GE;
                default: return this;
            }
        }

        static Op of(String keyword) {
            for (Op op : values()) {
                if (op.keyword.equals(keyword)) {
                    return op;
                }
            }
            return null;
        }
    }

    sealed interface Operand {
        int position();
    }

    record Property(String name, int position) implements Operand {
    }

    /** A one-argument string function: {@code trim}, {@code tolower} or {@code toupper}. */
    record Call(String function, Operand argument, int position) implements Operand {
    }

    /**
     * @param type  the literal's type as written ({@code 5} is Int32, {@code 5L} Int64, ...)
     * @param value Integer, Long, BigDecimal, String, UUID, Instant, Boolean, or null
     */
    record Literal(EdmType type, Object value, int position) implements Operand {
    }
}

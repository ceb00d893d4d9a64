package nl.dunwise.dunning;

/** The columns the debtor scores can be sorted by; each names its SQL expression, so no text from a request reaches the SQL. */
public enum ScoreOrder {
    CODE("d.code"),
    NAME("lower(d.name)"),
    SCORE("d.payment_score"),
    SCENARIO("lower(s.name)");

    private final String expression;

    ScoreOrder(String expression) {
        this.expression = expression;
    }

    /** Debtors without a value come last either way; the code and id keep pages stable. */
    String orderBy(boolean ascending) {
        return expression + (ascending ? " ASC" : " DESC") + " NULLS LAST, d.code, d.id";
    }
}

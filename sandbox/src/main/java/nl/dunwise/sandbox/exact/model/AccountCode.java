package nl.dunwise.sandbox.exact.model;

/**
 * Exact stores account codes right-aligned in an 18-character field and serves them that way
 * ({@code "              1000"}). Clients have to trim; filters on the raw {@code Code} must be padded
 * too, which is why Exact users write {@code trim(Code) eq '1000'}.
 */
public final class AccountCode {

    public static final int WIDTH = 18;

    private AccountCode() {
    }

    public static String pad(String code) {
        String c = code.strip();
        if (c.isEmpty() || c.length() > WIDTH) {
            throw new IllegalArgumentException("account code must have 1.." + WIDTH + " characters: '" + code + "'");
        }
        return " ".repeat(WIDTH - c.length()) + c;
    }

    /** The SQL twin of {@link #pad}, over a column holding the bare code. */
    public static String padSql(String column) {
        return "lpad(" + column + ", " + WIDTH + ")";
    }
}

package nl.dunwise.sandbox.exact.odata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import nl.dunwise.sandbox.exact.odata.FilterExpr.Call;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Compare;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Literal;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Op;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Operand;
import nl.dunwise.sandbox.exact.odata.FilterExpr.Property;

/**
 * Parses the OData v2 {@code $filter} subset the sandbox supports: comparisons ({@code eq ne gt ge lt
 * le}) joined by {@code and}/{@code or}/{@code not} with parentheses, the functions {@code trim},
 * {@code tolower} and {@code toupper}, and literals as OData v2 writes them ({@code 5} Int32,
 * {@code 5L} Int64, {@code 1.5M} decimal, {@code 'text'}, {@code guid'..'}, {@code datetime'..'},
 * {@code true}, {@code null}). Anything else is a 400, so a client cannot come to depend on a filter
 * Exact would not run.
 */
public final class FilterParser {

    static final Set<String> FUNCTIONS = Set.of("trim", "tolower", "toupper");

    private final String text;
    private final List<Token> tokens;
    private int index;

    private FilterParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    public static FilterExpr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ODataException("The $filter query option is empty.");
        }
        FilterParser p = new FilterParser(text);
        FilterExpr e = p.parseOr();
        if (p.peek().kind != Kind.END) {
            throw p.error("Syntax error at position " + p.peek().pos + " in '" + text + "'.");
        }
        return e;
    }

    private FilterExpr parseOr() {
        FilterExpr left = parseAnd();
        while (peekWord("or")) {
            index++;
            left = new FilterExpr.Or(left, parseAnd());
        }
        return left;
    }

    private FilterExpr parseAnd() {
        FilterExpr left = parseUnary();
        while (peekWord("and")) {
            index++;
            left = new FilterExpr.And(left, parseUnary());
        }
        return left;
    }

    private FilterExpr parseUnary() {
        if (peekWord("not")) {
            index++;
            return new FilterExpr.Not(parseUnary());
        }
        if (peek().kind == Kind.OPEN) {
            index++;
            FilterExpr inner = parseOr();
            expect(Kind.CLOSE, "')' or operator expected");
            return inner;
        }
        Operand left = parseOperand();
        Token opToken = peek();
        Op op = opToken.kind == Kind.WORD ? Op.of(opToken.text) : null;
        if (op == null) {
            throw error("Expression expected at position " + opToken.pos + ": a comparison operator "
                    + "(eq, ne, gt, ge, lt, le) must follow '" + text.substring(left.position(), opToken.pos).trim()
                    + "'.");
        }
        index++;
        Operand right = parseOperand();
        return new Compare(left, op, right, opToken.pos);
    }

    private Operand parseOperand() {
        Token t = peek();
        index++;
        switch (t.kind) {
            case STRING:
                return new Literal(EdmType.STRING, t.text, t.pos);
            case TYPED:
                return typedLiteral(t);
            case NUMBER:
                return numberLiteral(t);
            case WORD:
                if (t.text.equals("true") || t.text.equals("false")) {
                    return new Literal(EdmType.BOOLEAN, Boolean.valueOf(t.text), t.pos);
                }
                if (t.text.equals("null")) {
                    return new Literal(EdmType.NULL, null, t.pos);
                }
                if (peek().kind == Kind.OPEN) {
                    if (!FUNCTIONS.contains(t.text)) {
                        throw error("Unknown function '" + t.text + "' at position " + t.pos + ".");
                    }
                    index++;
                    Operand arg = parseOperand();
                    expect(Kind.CLOSE, "')' expected");
                    return new Call(t.text, arg, t.pos);
                }
                if (Op.of(t.text) != null || t.text.equals("and") || t.text.equals("or") || t.text.equals("not")) {
                    throw error("Expression expected at position " + t.pos + ".");
                }
                return new Property(t.text, t.pos);
            default:
                throw error("Expression expected at position " + t.pos + ".");
        }
    }

    private Literal typedLiteral(Token t) {
        String prefix = t.prefix.toLowerCase(Locale.ROOT);
        switch (prefix) {
            case "guid":
                try {
                    if (t.text.length() != 36) {
                        throw new IllegalArgumentException();
                    }
                    return new Literal(EdmType.GUID, UUID.fromString(t.text), t.pos);
                } catch (IllegalArgumentException e) {
                    throw error("Unrecognized 'Edm.Guid' literal 'guid'" + t.text + "'' at position " + t.pos + ".");
                }
            case "datetime":
                return new Literal(EdmType.DATETIME, ODataDates.parseLiteral(t.text), t.pos);
            default:
                throw error("Unsupported literal type '" + t.prefix + "' at position " + t.pos + ".");
        }
    }

    private Literal numberLiteral(Token t) {
        String s = t.text;
        char last = Character.toUpperCase(s.charAt(s.length() - 1));
        try {
            switch (last) {
                case 'L':
                    return new Literal(EdmType.INT64, Long.parseLong(s.substring(0, s.length() - 1)), t.pos);
                case 'M':
                    return new Literal(EdmType.DECIMAL, new BigDecimal(s.substring(0, s.length() - 1)), t.pos);
                case 'D':
                case 'F':
                    return new Literal(EdmType.DOUBLE, new BigDecimal(s.substring(0, s.length() - 1)), t.pos);
                default:
                    if (s.contains(".") || s.contains("e") || s.contains("E")) {
                        return new Literal(EdmType.DOUBLE, new BigDecimal(s), t.pos);
                    }
                    // Unsuffixed integers are Int32 in OData v2; a larger one is an error, not an Int64.
                    return new Literal(EdmType.INT32, Integer.parseInt(s), t.pos);
            }
        } catch (NumberFormatException e) {
            throw error("Invalid numeric literal '" + s + "' at position " + t.pos
                    + " (Int64 literals need an 'L' suffix).");
        }
    }

    private void expect(Kind kind, String message) {
        Token t = peek();
        if (t.kind != kind) {
            throw error(message + " at position " + t.pos + ".");
        }
        index++;
    }

    private boolean peekWord(String word) {
        Token t = peek();
        return t.kind == Kind.WORD && t.text.equals(word);
    }

    private Token peek() {
        return tokens.get(index);
    }

    private ODataException error(String message) {
        return new ODataException(message);
    }

    private enum Kind { WORD, NUMBER, STRING, TYPED, OPEN, CLOSE, COMMA, END }

    private record Token(Kind kind, String text, String prefix, int pos) {
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.OPEN, "(", null, i++));
            } else if (c == ')') {
                out.add(new Token(Kind.CLOSE, ")", null, i++));
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", null, i++));
            } else if (c == '\'') {
                int start = i;
                StringBuilder sb = new StringBuilder();
                i = readQuoted(s, i, sb);
                out.add(new Token(Kind.STRING, sb.toString(), null, start));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int start = i++;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
                        || ((s.charAt(i) == '+' || s.charAt(i) == '-')
                            && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')))) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, s.substring(start, i), null, start));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '/')) {
                    i++;
                }
                String word = s.substring(start, i);
                if (i < n && s.charAt(i) == '\'') {
                    StringBuilder sb = new StringBuilder();
                    i = readQuoted(s, i, sb);
                    out.add(new Token(Kind.TYPED, sb.toString(), word, start));
                } else {
                    out.add(new Token(Kind.WORD, word, null, start));
                }
            } else {
                throw new ODataException("Syntax error: unexpected character '" + c + "' at position " + i
                        + " in '" + s + "'.");
            }
        }
        out.add(new Token(Kind.END, "", null, n));
        return out;
    }

    /** Reads {@code '...'} starting at the quote; {@code ''} inside stands for one quote. */
    private static int readQuoted(String s, int quote, StringBuilder sb) {
        int i = quote + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    sb.append('\'');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            sb.append(c);
            i++;
        }
        throw new ODataException("Unterminated string literal at position " + quote + " in '" + s + "'.");
    }
}

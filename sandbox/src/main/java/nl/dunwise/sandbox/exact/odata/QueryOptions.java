package nl.dunwise.sandbox.exact.odata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The system query options of one call, read from the raw query string (so {@code %24filter} and
 * {@code $filter} are the same option and {@code +} is a space, as in any form-style query).
 * Options that start with {@code $} but are not allowed on the endpoint are refused with a 400;
 * parameters without {@code $} are ignored like OData custom query options.
 */
public final class QueryOptions {

    public static final String SELECT = "$select";
    public static final String FILTER = "$filter";
    public static final String SKIPTOKEN = "$skiptoken";
    public static final String TOP = "$top";
    public static final String ORDERBY = "$orderby";
    public static final String INLINECOUNT = "$inlinecount";
    public static final String FORMAT = "$format";

    /** Every option the sandbox knows; endpoints allow a subset. */
    public static final Set<String> KNOWN = Set.of(SELECT, FILTER, SKIPTOKEN, TOP, ORDERBY, INLINECOUNT, FORMAT,
            "$skip", "$expand");

    private final String rawQuery;
    private final Map<String, String> options;

    private QueryOptions(String rawQuery, Map<String, String> options) {
        this.rawQuery = rawQuery;
        this.options = options;
    }

    public static QueryOptions parse(String rawQuery, Set<String> allowed) {
        Map<String, String> options = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!name.startsWith("$")) {
                    continue;
                }
                if (!KNOWN.contains(name)) {
                    throw new ODataException("The query parameter '" + name
                            + "' begins with a system-reserved '$' character but is not recognized.");
                }
                if (!allowed.contains(name)) {
                    throw new ODataException("Query option '" + name + "' is not supported on this endpoint.");
                }
                if (options.put(name, value) != null) {
                    throw new ODataException("Query option '" + name + "' was specified more than once.");
                }
            }
        }
        QueryOptions q = new QueryOptions(rawQuery, Collections.unmodifiableMap(options));
        q.validate();
        return q;
    }

    private void validate() {
        get(FORMAT).ifPresent(f -> {
            if (!f.equalsIgnoreCase("json")) {
                throw new ODataException("The sandbox only answers JSON ($format=json); '" + f + "' is not supported.");
            }
        });
        get(INLINECOUNT).ifPresent(c -> {
            if (!c.equals("allpages") && !c.equals("none")) {
                throw new ODataException("Invalid value '" + c + "' for $inlinecount: expected 'allpages' or 'none'.");
            }
        });
        top();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ODataException("Malformed query string: " + e.getMessage());
        }
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public String rawQuery() {
        return rawQuery == null ? "" : rawQuery;
    }

    public boolean inlineCount() {
        return "allpages".equals(options.get(INLINECOUNT));
    }

    /** {@code $top} as a non-negative number, or null when absent. */
    public Integer top() {
        String t = options.get(TOP);
        if (t == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(t.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ODataException("Invalid value '" + t + "' for $top: a non-negative integer is expected.");
        }
    }

    /** The parsed {@code $filter}, or null when there is none. */
    public FilterExpr filter() {
        String f = options.get(FILTER);
        return f == null ? null : FilterParser.parse(f);
    }
}

package nl.dunwise.sandbox.exact.odata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Keyset paging over the Timestamp row version, the way sync endpoints page: rows are ordered by
 * Timestamp and the skiptoken is the last Timestamp of the page ({@code 123L}). Because the position is
 * a value and not an offset, rows that change between pages move behind the cursor instead of shifting
 * the pages under the client.
 */
public final class SyncPaging {

    /** Exact serves 1000 records a page on sync and bulk endpoints (60 elsewhere). */
    public static final int SYNC_PAGE_SIZE = 1000;

    private SyncPaging() {
    }

    /** One page: its rows and, if there are more, the skiptoken of the next. */
    public record Page<T>(List<T> rows, String nextSkipToken) {
        public boolean hasNext() {
            return nextSkipToken != null;
        }
    }

    /** Reads a skiptoken this sandbox wrote; an {@code L} suffix is optional. Absent means "from the start". */
    public static long parseSkipToken(String token) {
        if (token == null || token.isBlank()) {
            return Long.MIN_VALUE;
        }
        String t = token.strip();
        if (t.endsWith("L") || t.endsWith("l")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new ODataException("Invalid $skiptoken '" + token + "'.");
        }
    }

    public static String formatSkipToken(long timestamp) {
        return timestamp + "L";
    }

    /**
     * How many rows to fetch: one more than a page tells whether another page exists without counting.
     * With {@code $top} the answer is capped and never continued, as {@code $top} asks for one slice.
     */
    public static int fetchLimit(Integer top, int pageSize) {
        return top == null ? pageSize + 1 : Math.min(top, pageSize);
    }

    /** Splits what was fetched (up to {@link #fetchLimit}) into the page and the next skiptoken. */
    public static <T> Page<T> page(List<T> fetched, Integer top, int pageSize, ToLongFunction<T> timestamp) {
        if (top != null || fetched.size() <= pageSize) {
            return new Page<>(List.copyOf(fetched.subList(0, Math.min(fetched.size(), pageSize))), null);
        }
        List<T> rows = List.copyOf(fetched.subList(0, pageSize));
        return new Page<>(rows, formatSkipToken(timestamp.applyAsLong(rows.get(pageSize - 1))));
    }

    /**
     * The {@code __next} link: the same URL with every query option kept as the client wrote it, and
     * only {@code $skiptoken} replaced.
     */
    public static String nextLink(String urlWithoutQuery, String rawQuery, String skipToken) {
        List<String> kept = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (!name.equals(QueryOptions.SKIPTOKEN)) {
                    kept.add(pair);
                }
            }
        }
        kept.add(QueryOptions.SKIPTOKEN + "=" + skipToken);
        return urlWithoutQuery + "?" + String.join("&", kept);
    }
}

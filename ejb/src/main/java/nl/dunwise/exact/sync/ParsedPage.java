package nl.dunwise.exact.sync;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.logging.Logger;
import nl.dunwise.exact.client.ExactJson;
import nl.dunwise.exact.client.MalformedRecordException;

/**
 * The readable records of one sync page, newest version per key (one upsert statement may touch a row
 * only once), and what could not be read. A record Exact sends in a shape we cannot read is skipped and
 * counted rather than failing the page: one bad record must not stop every sync after it. Its Timestamp
 * still counts towards the position when it can be read, so the next run does not fetch it again.
 */
record ParsedPage<T>(List<T> rows, int malformed, String lastProblem, OptionalLong maxTimestamp) {

    private static final Logger LOG = Logger.getLogger(ParsedPage.class.getName());

    static <T, K> ParsedPage<T> of(List<JsonObject> records, Function<JsonObject, T> parser, Function<T, K> key,
            ToLongFunction<T> version) {
        Map<K, T> latest = new LinkedHashMap<>();
        int malformed = 0;
        String problem = null;
        long max = Long.MIN_VALUE;
        for (JsonObject record : records) {
            max = Math.max(max, timestampOf(record));
            T row;
            try {
                row = parser.apply(record);
            } catch (MalformedRecordException e) {
                malformed++;
                problem = describe(record) + ": " + e.getMessage();
                LOG.warning("Skipped a record Exact Online sent: " + problem);
                continue;
            }
            latest.merge(key.apply(row), row, (a, b) -> version.applyAsLong(b) >= version.applyAsLong(a) ? b : a);
        }
        return new ParsedPage<>(new ArrayList<>(latest.values()), malformed, problem,
                max == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(max));
    }

    private static long timestampOf(JsonObject record) {
        try {
            return ExactJson.int64(record, "Timestamp");
        } catch (MalformedRecordException e) {
            return Long.MIN_VALUE;
        }
    }

    private static String describe(JsonObject record) {
        for (String id : new String[] {"ID", "InvoiceID", "EntityKey"}) {
            if (record.get(id) != null) {
                return "record " + record.get(id);
            }
        }
        return "a record without ID";
    }
}

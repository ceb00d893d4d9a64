package nl.dunwise.exact.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Keeps the newest version of each record: one upsert statement may touch a row only once. */
final class Latest {

    private Latest() {
    }

    static <T, K> List<T> byKey(List<T> rows, Function<T, K> key, ToLongFunction<T> version) {
        Map<K, T> latest = new LinkedHashMap<>();
        for (T row : rows) {
            latest.merge(key.apply(row), row, (a, b) -> version.applyAsLong(b) >= version.applyAsLong(a) ? b : a);
        }
        return new ArrayList<>(latest.values());
    }
}

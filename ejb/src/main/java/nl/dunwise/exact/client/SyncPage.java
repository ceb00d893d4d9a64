package nl.dunwise.exact.client;

import jakarta.json.JsonObject;
import java.util.List;

/** One page of a sync endpoint; {@code nextSkiptoken} is null on the last page. */
public record SyncPage(List<JsonObject> records, String nextSkiptoken) {

    public boolean hasNext() {
        return nextSkiptoken != null;
    }
}

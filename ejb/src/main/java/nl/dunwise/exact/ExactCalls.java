package nl.dunwise.exact;

import java.util.function.Function;
import nl.dunwise.exact.client.ExactApiException;

/** Calls to Exact that need an access token, shared by the sync and the write-back. */
public final class ExactCalls {

    private ExactCalls() {
    }

    /** A 401 on a token we thought valid gets one forced refresh and one retry, never more. */
    public static <T> T withToken(ExactConnectionService connections, Function<String, T> call) {
        try {
            return call.apply(connections.accessToken());
        } catch (ExactApiException e) {
            if (!e.isUnauthorized()) {
                throw e;
            }
            return call.apply(connections.refreshedAccessToken());
        }
    }
}

package nl.dunwise.exact;

import java.util.function.Function;
import java.util.function.Supplier;
import nl.dunwise.exact.client.ExactApiException;

/** Calls to Exact that need an access token, shared by the sync and the write-back. */
public final class ExactCalls {

    private ExactCalls() {
    }

    /** A 401 on a token we thought valid gets one forced refresh and one retry, never more. */
    public static <T> T withToken(ExactConnectionService connections, Function<String, T> call) {
        return withToken(connections::accessToken, connections::refreshedAccessToken, call);
    }

    /** The same rule for a token source outside the container (the sync benchmark's {@link TokenRefresher}). */
    public static <T> T withToken(Supplier<String> token, Supplier<String> refreshedToken, Function<String, T> call) {
        try {
            return call.apply(token.get());
        } catch (ExactApiException e) {
            if (!e.isUnauthorized()) {
                throw e;
            }
            return call.apply(refreshedToken.get());
        }
    }
}

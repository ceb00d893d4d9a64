package nl.dunwise.platform;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The REST clients Dunwise makes for outside services (Exact Online, the SMS gateway), built one way: with
 * time-outs, because an outside call can hang, and without MicroProfile's default exception mapper, because
 * each client reads every status itself (rate-limit headers, Retry-After, the service's error body) and a
 * mapped exception would lose them.
 */
public final class RestClients {

    private RestClients() {
    }

    public static <T> T build(Class<T> api, URI baseUri, Duration connectTimeout, Duration readTimeout) {
        return RestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(api);
    }
}

package nl.dunwise.sandbox.exact.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The sandbox's calls to a subscriber's callback URL. Both answer with the problem in a sentence, or
 * empty when the callback answered 2xx.
 */
public class CallbackClient {

    private final HttpClient http;
    private final Duration timeout;

    public CallbackClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The validation request: an empty POST (no body, Content-Length 0), which is what Exact was seen to
     * send to a new subscription's callback. A receiver must answer it 2xx without a HashCode to check.
     */
    public Optional<String> validate(URI callback) {
        return post(callback, HttpRequest.BodyPublishers.noBody(), null);
    }

    public Optional<String> deliver(URI callback, String message) {
        return post(callback, HttpRequest.BodyPublishers.ofString(message), "application/json; charset=utf-8");
    }

    private Optional<String> post(URI callback, HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(callback).timeout(timeout).POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? Optional.empty()
                    : Optional.of("the callback answered HTTP " + status);
        } catch (IOException e) {
            return Optional.of("the callback did not answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while calling the callback");
        }
    }
}

package nl.dunwise.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the benchmark asks the Exact sandbox outside Exact's API: its status (row counts, the calls its rate
 * limiter let through and refused), and an authorization code from its sign-in form, as a person clicking
 * "Connect to Exact Online" would get one. The sync itself goes through Dunwise's own client.
 */
final class SandboxControl {

    static final String CLIENT_ID = System.getProperty("bench.exact.client-id", "c0ffee00-0000-4000-8000-000000000001");
    static final String CLIENT_SECRET = System.getProperty("bench.exact.client-secret", "demo-only-exact-client-secret");
    static final String REDIRECT_URI = "http://127.0.0.1/bench/exact/callback";
    private static final String USERNAME = "demo@dunwise.example";
    private static final String PASSWORD = "demo";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    SandboxControl(URI base) {
        this.base = base.toString().replaceAll("/+$", "");
    }

    /** Counts and settings; {@code calls.allowed} and {@code calls.refused} are the rate limiter's totals. */
    JsonObject status() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sandbox/status"))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("The sandbox status answered HTTP " + r.statusCode() + ": " + r.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    /** Signs in on the sandbox's OAuth page and answers the code from the redirect. */
    String authorizationCode() throws IOException, InterruptedException {
        Map<String, String> form = Map.of("client_id", CLIENT_ID, "redirect_uri", REDIRECT_URI, "response_type", "code",
                "state", "bench", "username", USERNAME, "password", PASSWORD);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/oauth2/auth"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        int at = location.indexOf("code=");
        if (r.statusCode() != 302 || at < 0) {
            throw new IllegalStateException("The sandbox sign-in gave no code (HTTP " + r.statusCode() + ")");
        }
        String code = location.substring(at + 5);
        int end = code.indexOf('&');
        return URLDecoder.decode(end < 0 ? code : code.substring(0, end), StandardCharsets.UTF_8);
    }
}

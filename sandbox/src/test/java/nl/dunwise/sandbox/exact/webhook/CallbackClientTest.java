package nl.dunwise.sandbox.exact.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The validation request and a delivery against a callback on loopback that records what it got. */
class CallbackClientTest {

    private record Received(String method, String contentType, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CallbackClient client = new CallbackClient(Duration.ofSeconds(2));
    private HttpServer server;
    private volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/exact", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI callback() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/exact");
    }

    @Test
    void validationIsAnEmptyPostThatACallbackAnswering200Passes() {
        assertEquals(Optional.empty(), client.validate(callback()));
        assertEquals(List.of(new Received("POST", null, "")), received);
    }

    @Test
    void validationFailsWhenTheCallbackRefuses() {
        status = 401;
        assertEquals(Optional.of("the callback answered HTTP 401"), client.validate(callback()));
    }

    @Test
    void validationFailsWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Optional<String> problem = client.validate(URI.create("http://127.0.0.1:" + closedPort + "/hooks/exact"));
        assertTrue(problem.orElse("").startsWith("the callback did not answer"), problem.toString());
    }

    @Test
    void deliveryPostsTheSignedMessageAsJsonAndReportsAFailedAnswer() {
        String message = HashCode.message("{\"Topic\":\"Accounts\"}", "secret");
        assertEquals(Optional.empty(), client.deliver(callback(), message));
        status = 503;
        assertEquals(Optional.of("the callback answered HTTP 503"), client.deliver(callback(), message));

        assertEquals(new Received("POST", "application/json; charset=utf-8", message), received.get(0));
        assertEquals(2, received.size());
    }
}

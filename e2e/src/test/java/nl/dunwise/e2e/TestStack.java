package nl.dunwise.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/** Where ./dunwise test put the test stack: ports and database names arrive as system properties. */
final class TestStack {

    static final String HOST = "127.0.0.1";

    private TestStack() {
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the integration tests through ./dunwise test");
        }
        return value;
    }

    static String httpBase() {
        return "http://" + HOST + ":" + property("dunwise.test.http-port");
    }

    static String greenMailApi() {
        return "http://" + HOST + ":" + property("dunwise.test.greenmail-api-port");
    }

    /** The test database, with the application's schema first on the search path. */
    static Connection database() throws SQLException {
        return connect(property("dunwise.test.db") + "?currentSchema=dunwise,public");
    }

    /** The Exact sandbox's own database: what "Exact Online" holds. */
    static Connection sandboxDatabase() throws SQLException {
        return connect(property("dunwise.test.db-sandbox"));
    }

    private static Connection connect(String databaseAndOptions) throws SQLException {
        String url = "jdbc:postgresql://" + System.getProperty("dunwise.test.db-host", HOST) + ":"
                + System.getProperty("dunwise.test.db-port", "5432") + "/" + databaseAndOptions;
        return DriverManager.getConnection(url, System.getProperty("dunwise.test.db-user", "postgres"),
                System.getProperty("dunwise.test.db-password", ""));
    }

    static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}

package nl.dunwise.sandbox.exact.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL database of a test class's own, {@code dunwise_unit_sandbox_<class>_<pid>}, with the sandbox's
 * schema: created when the class starts, dropped when it closes. One per class and process, so that test
 * classes and parallel builds never meet.
 */
final class OwnDatabase implements AutoCloseable {

    private static final String HOST = System.getenv().getOrDefault("DUNWISE_DB_HOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("DUNWISE_DB_PORT", "5432");
    private static final String USER = System.getenv().getOrDefault("DUNWISE_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("DUNWISE_DB_PASSWORD", "");

    private final String name;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    OwnDatabase(Class<?> testClass) throws SQLException {
        name = "dunwise_unit_sandbox_" + testClass.getSimpleName().toLowerCase() + "_" + ProcessHandle.current().pid();
        // A run killed before its clean-up leaves its database behind; the next run with the same pid starts afresh.
        admin("DROP DATABASE IF EXISTS " + name);
        admin("CREATE DATABASE " + name);
        dataSource.setUrl("jdbc:postgresql://" + HOST + ":" + PORT + "/" + name);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        execute(Schema.statements().toArray(String[]::new));
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Runs the statements in order, each committed on its own. */
    void execute(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** The number in the first column of the first row the query answers. */
    long single(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}

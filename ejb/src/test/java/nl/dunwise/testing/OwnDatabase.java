package nl.dunwise.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.dunwise.platform.DatabaseMigration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL database of a test class's own, {@code dunwise_unit_<class>_<pid>}: created and migrated like
 * production when the class starts, dropped when it closes. One per class and process, so that test classes
 * and parallel builds never meet. ./dunwise test makes sure PostgreSQL answers.
 */
public final class OwnDatabase implements AutoCloseable {

    private static final String HOST = System.getenv().getOrDefault("DUNWISE_DB_HOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("DUNWISE_DB_PORT", "5432");
    public static final String USER = System.getenv().getOrDefault("DUNWISE_DB_USER", "postgres");
    public static final String PASSWORD = System.getenv().getOrDefault("DUNWISE_DB_PASSWORD", "");

    private final String name;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    public OwnDatabase(Class<?> testClass) throws SQLException {
        name = "dunwise_unit_" + testClass.getSimpleName().toLowerCase() + "_" + ProcessHandle.current().pid();
        // A run killed before its clean-up leaves its database behind; the next run with the same pid starts afresh.
        admin("DROP DATABASE IF EXISTS " + name);
        admin("CREATE DATABASE " + name);
        dataSource.setUrl(url());
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        DatabaseMigration.migrateSchema(dataSource);
    }

    /** The JDBC URL, for those that open their own connections (JPA). */
    public String url() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name + "?currentSchema=" + DatabaseMigration.SCHEMA;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs the statements in order, each committed on its own. */
    public void execute(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** The number in the first column of the first row the query answers (a count, or an id RETURNING gave). */
    public long single(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Each row of a query as its columns joined by " | ". */
    public List<String> rows(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(String.valueOf(rs.getObject(i)));
                    }
                    rows.add(String.join(" | ", values));
                }
            }
            return rows;
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

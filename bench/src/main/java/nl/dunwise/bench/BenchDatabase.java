package nl.dunwise.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import jakarta.persistence.EntityManagerFactory;
import nl.dunwise.dunning.StandaloneDispatch;
import nl.dunwise.platform.DatabaseMigration;
import org.postgresql.ds.PGSimpleDataSource;

/** A PostgreSQL database of the benchmark's own, migrated like production and dropped at the end. */
final class BenchDatabase implements AutoCloseable {

    private static final String HOST = System.getenv().getOrDefault("DUNWISE_DB_HOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("DUNWISE_DB_PORT", "5432");
    private static final String USER = System.getenv().getOrDefault("DUNWISE_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("DUNWISE_DB_PASSWORD", "");

    private final String name;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    BenchDatabase(String purpose) throws SQLException {
        this.name = "dunwise_bench_" + purpose + "_" + ProcessHandle.current().pid();
        admin("DROP DATABASE IF EXISTS " + name);
        admin("CREATE DATABASE " + name);
        dataSource.setUrl("jdbc:postgresql://" + HOST + ":" + PORT + "/" + name + "?currentSchema=" + DatabaseMigration.SCHEMA);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        DatabaseMigration.migrateSchema(dataSource);
    }

    PGSimpleDataSource dataSource() {
        return dataSource;
    }

    /** JPA on this database with local transactions, as the dispatcher runs outside the container. */
    EntityManagerFactory jpa() {
        return StandaloneDispatch.entityManagerFactory(dataSource.getUrl(), USER, PASSWORD);
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        if (Boolean.getBoolean("bench.keep-database")) {
            // to look into a result with psql (EXPLAIN ANALYZE of the planner's statements, say)
            System.out.println("kept database " + name);
            return;
        }
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}

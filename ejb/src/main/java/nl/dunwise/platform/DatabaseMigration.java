package nl.dunwise.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations of module {@code db} when the application is deployed, before any
 * feature touches the database. A failed migration fails the deployment: running on a half-migrated
 * schema would corrupt data.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigration {

    /** The pool's connections search this schema first (pool property currentSchema). */
    public static final String SCHEMA = "dunwise";

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        try {
            var result = migrateSchema(dataSource);
            LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                    + " (" + result.migrationsExecuted + " migrations applied now)");
        } catch (FlywayException e) {
            LOG.log(Level.SEVERE, PlainFailure.prefix("The database migration failed: " + firstLine(e.getMessage())
                    + ". Repair the database (see flyway_schema_history) and deploy again."), e);
            throw new IllegalStateException("Database migration failed", e);
        }
    }

    /** Brings the schema of {@code dataSource} up to date; tests use it on their own databases. */
    public static MigrateResult migrateSchema(DataSource dataSource) {
        return Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                // Our own schema: Payara keeps its EJB timer table in "public" of the same database.
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail given";
        }
        String line = message.strip().lines().findFirst().orElse(message);
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}

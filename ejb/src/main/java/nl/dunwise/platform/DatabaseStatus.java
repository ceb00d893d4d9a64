package nl.dunwise.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Whether the database answers; the readiness check of the web modules asks this. An EJB, because
 * resource injection into a plain CDI bean of the EJB jar is not done when a web module calls it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseStatus {

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    /** Empty when the database answers, else what went wrong. */
    public Optional<String> problem() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? Optional.empty() : Optional.of("the connection is not valid");
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }
}

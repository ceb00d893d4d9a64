package nl.dunwise.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Read-only lists straight from SQL, where a page or a run wants rows that no entity holds. */
public final class SqlRows {

    /** Makes one value of a row. */
    @FunctionalInterface
    public interface Row<T> {
        T of(ResultSet rs) throws SQLException;
    }

    private SqlRows() {
    }

    /**
     * The rows of {@code sql} with its parameters bound in order; {@code what} names the list in the message of
     * the exception a failure becomes ("The debtor's story could not be read: ...").
     */
    public static <T> List<T> query(DataSource dataSource, String what, String sql, Row<T> row, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.of(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(what + " could not be read: " + e.getMessage(), e);
        }
    }
}

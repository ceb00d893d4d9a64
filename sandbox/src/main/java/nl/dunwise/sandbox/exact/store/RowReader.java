package nl.dunwise.sandbox.exact.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import nl.dunwise.sandbox.exact.odata.EdmType;

/** Reads a column as the Java type the JSON writer expects for its EDM type. */
final class RowReader {

    private RowReader() {
    }

    static Object read(ResultSet rs, int column, EdmType type) throws SQLException {
        Object v;
        switch (type) {
            case GUID: return rs.getObject(column, UUID.class);
            case INT16:
            case INT32: v = rs.getInt(column); break;
            case INT64: v = rs.getLong(column); break;
            case DOUBLE:
            case DECIMAL: return rs.getBigDecimal(column);
            case BOOLEAN: v = rs.getBoolean(column); break;
            case DATETIME: return Jdbc.instant(rs, column);
            default: return rs.getString(column);
        }
        return rs.wasNull() ? null : v;
    }
}

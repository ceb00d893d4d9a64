package nl.dunwise.sandbox.exact.odata;

import java.util.Objects;

/**
 * One property of an entity as the API shows it.
 *
 * @param name the OData property name (case-sensitive, like Exact)
 * @param type its EDM type, which decides both filter typing and JSON form
 * @param sql  the SQL expression that yields it, or null for entities served from memory
 */
public record Field(String name, EdmType type, String sql) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static Field of(String name, EdmType type, String sql) {
        return new Field(name, type, sql);
    }

    public static Field of(String name, EdmType type) {
        return new Field(name, type, null);
    }
}

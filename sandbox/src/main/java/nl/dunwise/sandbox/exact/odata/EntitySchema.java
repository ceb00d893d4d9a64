package nl.dunwise.sandbox.exact.odata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The properties of one entity set, in the order they are written. Exact writes a record's properties
 * in a fixed order whatever the order in {@code $select}; so does the sandbox.
 */
public final class EntitySchema {

    private final String odataType;
    private final List<Field> fields;
    private final Map<String, Field> byName = new LinkedHashMap<>();

    public EntitySchema(String odataType, List<Field> fields) {
        this.odataType = odataType;
        this.fields = List.copyOf(fields);
        for (Field f : this.fields) {
            if (byName.put(f.name(), f) != null) {
                throw new IllegalArgumentException("duplicate field " + f.name());
            }
        }
    }

    /** The {@code __metadata.type} of each record, e.g. {@code Exact.Web.Api.Models.Sync.CRM.Account}. */
    public String odataType() {
        return odataType;
    }

    public List<Field> fields() {
        return Collections.unmodifiableList(fields);
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Field require(String name) {
        Field f = byName.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no field " + name + " in " + odataType);
        }
        return f;
    }
}

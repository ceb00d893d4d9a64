package nl.dunwise.sandbox.exact.odata;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code $select}: the fields to write, always in the entity's own order. An unknown name is a 400
 * rather than silently dropped, because at Exact a typo in {@code $select} fails the call too and a
 * client that "works" against a lenient sandbox would break there.
 */
public final class SelectOption {

    private SelectOption() {
    }

    public static List<Field> parse(String select, EntitySchema schema) {
        if (select == null || select.isBlank()) {
            return schema.fields();
        }
        Set<String> wanted = new LinkedHashSet<>();
        int pos = 0;
        for (String part : select.split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                throw new ODataException("Syntax error in $select at position " + pos + ": a property name is expected.");
            }
            if (name.equals("*")) {
                return schema.fields();
            }
            if (schema.field(name).isEmpty()) {
                throw new ODataException("No property '" + name + "' exists in type '" + schema.odataType()
                        + "' at position " + (pos + part.indexOf(name)) + ".");
            }
            wanted.add(name);
            pos += part.length() + 1;
        }
        return schema.fields().stream().filter(f -> wanted.contains(f.name())).toList();
    }
}

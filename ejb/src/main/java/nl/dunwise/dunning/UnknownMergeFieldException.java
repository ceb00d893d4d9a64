package nl.dunwise.dunning;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A template names merge fields that do not exist. It reaches the caller as it is (not wrapped by the
 * container) and rolls back, so that the person saving sees which fields and nothing half-saved remains.
 */
@ApplicationException(rollback = true)
public class UnknownMergeFieldException extends IllegalArgumentException {

    private final List<String> unknown;

    public UnknownMergeFieldException(List<String> unknown) {
        super("Unknown merge field(s): " + braces(unknown) + ". Known fields: "
                + braces(Arrays.stream(MergeField.values()).map(MergeField::key).toList()) + ".");
        this.unknown = List.copyOf(unknown);
    }

    /** The unknown names, without braces. */
    public List<String> unknown() {
        return unknown;
    }

    public static String braces(List<String> keys) {
        return keys.stream().map(f -> "{{" + f + "}}").collect(Collectors.joining(", "));
    }
}

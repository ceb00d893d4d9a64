package nl.dunwise.dunning;

import java.util.List;
import java.util.stream.Collectors;

/** A template names merge fields that do not exist; the message says which and which do. */
public class UnknownMergeFieldException extends IllegalArgumentException {

    public UnknownMergeFieldException(List<String> unknown) {
        super("Unknown merge field(s): " + unknown.stream().map(f -> "{{" + f + "}}").collect(Collectors.joining(", "))
                + ". Known fields: " + java.util.Arrays.stream(MergeField.values()).map(f -> "{{" + f.key() + "}}")
                        .collect(Collectors.joining(", ")) + ".");
    }
}

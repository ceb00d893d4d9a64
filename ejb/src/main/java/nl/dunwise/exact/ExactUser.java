package nl.dunwise.exact;

import java.util.UUID;

/** The Exact Online user behind a connection, from {@code current/Me}. */
public record ExactUser(UUID id, String userName, String fullName, Integer currentDivision) {
}

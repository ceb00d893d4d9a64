package nl.dunwise.exact.client;

/**
 * One endpoint of one division as Exact counts errors: the path below the division without a record's key,
 * e.g. {@code activities/CommunicationNotes} or {@code crm/Accounts} for {@code crm/Accounts(guid'..')}.
 */
public record ExactEndpoint(int division, String path) {
}

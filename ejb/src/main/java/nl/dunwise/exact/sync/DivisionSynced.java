package nl.dunwise.exact.sync;

/**
 * A CDI event: a division's sync finished and its receivables and payments are as fresh as Exact's; features
 * that follow payments (payment plans) look again. Fired outside any transaction.
 */
public record DivisionSynced(int division) {
}

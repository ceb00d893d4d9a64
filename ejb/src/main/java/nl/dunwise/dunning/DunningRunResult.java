package nl.dunwise.dunning;

/** What one dunning run did. */
public record DunningRunResult(int planned, int sent, int skipped, int failed) {
}

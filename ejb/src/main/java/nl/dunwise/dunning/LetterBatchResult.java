package nl.dunwise.dunning;

/** One print run of a division: the batch made (null when no letter was printed), letters printed and skipped. */
public record LetterBatchResult(Long batchId, int printed, int skipped) {
}

package nl.dunwise.dunning;

import java.time.Instant;
import java.time.LocalDate;

/** A letter batch as the cockpit lists it (the PDF itself comes from {@link LetterBatches#pdf}). */
public record LetterBatchView(long id, int division, LocalDate printDate, int sequence, int letterCount, int pageCount,
        Instant createdAt) {
}

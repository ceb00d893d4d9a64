package nl.dunwise.dunning;

import java.time.Instant;
import java.time.LocalDate;

/** A hand-over file as the cockpit lists it (the file itself comes from {@link AgencyHandOvers#content}). */
public record AgencyHandOverView(long id, int division, LocalDate handOverDate, int formatVersion,
        int reminderCount, Instant createdAt) {

    /** The name to download it by: division, day and id, as JSON Lines. */
    public String fileName() {
        return "agency-handover-" + division + "-" + handOverDate + "-" + id + ".jsonl";
    }
}

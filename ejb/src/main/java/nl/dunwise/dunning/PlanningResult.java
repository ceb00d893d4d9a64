package nl.dunwise.dunning;

/** What one planning run of a division added: reminders planned and debtors held back (see dunning_skip). */
public record PlanningResult(int planned, int skipped) {
}

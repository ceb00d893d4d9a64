package nl.dunwise.dunning;

/**
 * One hand-over run of a division: the file made (null when nothing was handed over), the debtors handed
 * over, and the reminders skipped because nothing of them was open any more.
 */
public record AgencyHandOverResult(Long handOverId, int handedOver, int skipped) {
}

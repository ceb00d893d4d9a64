package nl.dunwise.plan;

/** What one review of a division's active plans changed. */
public record PlanReview(int instalmentsChanged, int completed, int defaulted, int remindersPlanned) {
}

package nl.dunwise.dunning;

/**
 * Some slices of a planning run failed while the others committed: {@link #stored()} is what those stored.
 * The next run plans the failed slices' debtors, as planning is idempotent.
 */
public class PlanningRunIncomplete extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient PlanningResult stored;

    public PlanningRunIncomplete(String message, PlanningResult stored) {
        super(message);
        this.stored = stored;
    }

    public PlanningResult stored() {
        return stored;
    }
}

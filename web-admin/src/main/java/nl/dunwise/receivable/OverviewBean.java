package nl.dunwise.receivable;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import nl.dunwise.exact.Division;
import nl.dunwise.exact.ExactConnectionService;

/** The receivables at a glance, per managed division: totals and aging. */
@Named("receivables")
@RequestScoped
public class OverviewBean {

    @Inject
    private ReceivableQueries queries;

    @Inject
    private ExactConnectionService connections;

    private List<ReceivablesOverview> overviews;

    public List<ReceivablesOverview> getOverviews() {
        if (overviews == null) {
            overviews = connections.managedDivisions().stream()
                    .map((Division d) -> queries.overview(d.getCode(), d.getCurrency()))
                    .toList();
        }
        return overviews;
    }

    public List<AgingBucket> getBuckets() {
        return List.of(AgingBucket.values());
    }
}

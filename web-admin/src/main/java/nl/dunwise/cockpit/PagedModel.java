package nl.dunwise.cockpit;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A PrimeFaces lazy table over a service that reads one page at a time: the table asks for the count and the
 * rows of the page it shows, never for the whole list. Filters are the bean's own fields, so only the sort
 * column (by its field name) is passed on.
 */
public class PagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** How many rows there are in all. */
    @FunctionalInterface
    public interface Count extends Serializable {
        long count();
    }

    /** One page of rows; {@code sortField} is empty when the table is not sorted. */
    @FunctionalInterface
    public interface Load<T> extends Serializable {
        List<T> load(int first, int max, String sortField, boolean ascending);
    }

    /** The row's key, for selection across requests. */
    @FunctionalInterface
    public interface Key<T> extends Serializable {
        Object of(T row);
    }

    private final Count count;
    private final Load<T> load;
    private final Key<T> key;

    public PagedModel(Count count, Load<T> load, Key<T> key) {
        this.count = count;
        this.load = load;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(count.count());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst().orElse(null);
        return sort == null ? load.load(first, pageSize, null, true)
                : load.load(first, pageSize, sort.getField(), sort.getOrder() == SortOrder.ASCENDING);
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.of(row));
    }
}

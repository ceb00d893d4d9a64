package nl.dunwise.exact;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;

/**
 * The division the page in view works on ({@link ExactConnectionService#cockpitDivision}), looked up once per
 * view; null until Exact Online is connected.
 */
@ViewScoped
public class CockpitDivision implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient ExactConnectionService connections;

    private Integer code;
    private boolean looked;

    public Integer code() {
        if (!looked) {
            code = connections.cockpitDivision().orElse(null);
            looked = true;
        }
        return code;
    }
}

package nl.dunwise.exact;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;

/**
 * The OAuth2 {@code state} of a connect attempt, kept in the staff member's session so that an answer
 * from Exact is only taken when this browser asked for it (no cross-site connect).
 */
@SessionScoped
public class ExactAuthorizationState implements Serializable {

    private static final long serialVersionUID = 1L;

    private String expected;

    String begin() {
        expected = ExactConnectionService.newState();
        return expected;
    }

    /** True once for the state we handed out; any later use of it fails. */
    boolean consume(String state) {
        boolean matches = expected != null && expected.equals(state);
        expected = null;
        return matches;
    }
}

package nl.dunwise.plan;

import java.util.Locale;
import java.util.ResourceBundle;

/** The texts of payment plans (PlanText*.properties): refusals, policy reasons, notes and instalment states. */
public final class PlanText {

    private PlanText() {
    }

    /** Without fallback to the server's locale: English readers get the base bundle, not the server's Dutch. */
    public static ResourceBundle in(Locale locale) {
        return ResourceBundle.getBundle("nl.dunwise.plan.PlanText", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}

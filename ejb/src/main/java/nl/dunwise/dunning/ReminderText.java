package nl.dunwise.dunning;

import java.util.Locale;
import java.util.ResourceBundle;

/** The texts of the dunning engine (ReminderText*.properties) in a reader's language. */
final class ReminderText {

    private ReminderText() {
    }

    /** Without fallback to the server's locale: English readers get the base bundle, not the server's Dutch. */
    static ResourceBundle in(Locale locale) {
        return ResourceBundle.getBundle("nl.dunwise.dunning.ReminderText", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}

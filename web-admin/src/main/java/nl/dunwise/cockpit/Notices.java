package nl.dunwise.cockpit;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Messages to the staff member on the page, in their language. */
public final class Notices {

    private Notices() {
    }

    public static void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, text(key, args));
    }

    public static void error(String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, text(key, args));
    }

    /** A sentence that comes already written (e.g. a configuration problem named by the service). */
    public static void errorSentence(String sentence) {
        add(FacesMessage.SEVERITY_ERROR, sentence);
    }

    public static String text(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.ENGLISH;
        try {
            String pattern = ResourceBundle.getBundle("nl.dunwise.cockpit.messages", locale).getString(key);
            return args.length == 0 ? pattern : new java.text.MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(severity, text, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}

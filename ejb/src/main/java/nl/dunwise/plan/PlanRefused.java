package nl.dunwise.plan;

import jakarta.ejb.ApplicationException;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;

/**
 * A proposal or decision the rules do not allow, named by its key in PlanText so that each reader gets the one
 * sentence in their own language; nothing of it is stored (the transaction rolls back).
 */
@ApplicationException(rollback = true)
public class PlanRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final Object[] args;

    PlanRefused(String key, Object... args) {
        super(format(key, Locale.ENGLISH, args));
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }

    /** The sentence in the reader's language (Dutch, German, French, else English). */
    public String message(Locale locale) {
        return format(key, locale, args);
    }

    private static String format(String key, Locale locale, Object... args) {
        return new MessageFormat(PlanText.in(locale).getString("refused." + key), locale).format(args);
    }
}

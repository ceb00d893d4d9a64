package nl.dunwise.receivable;

import java.util.List;
import java.util.Locale;

/** The languages Dunwise writes to debtors in; templates exist per language. */
public final class SupportedLanguages {

    public static final List<String> CODES = List.of("nl", "en", "de", "fr");

    private SupportedLanguages() {
    }

    public static boolean isSupported(String code) {
        return CODES.contains(code.toLowerCase(Locale.ROOT));
    }
}

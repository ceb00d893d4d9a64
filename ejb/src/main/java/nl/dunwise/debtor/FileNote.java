package nl.dunwise.debtor;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The note a collector's action leaves on the debtor's Exact account, so that people working in Exact see
 * what was decided and why: a subject and a text from CollectorText ({@code <key>.subject} and {@code <key>}),
 * in the language of the division's country, as reminder notes are.
 */
public record FileNote(String subject, String notes) {

    /** Exact refuses a longer subject. */
    static final int SUBJECT_MAX = 200;

    public static FileNote of(String key, Locale locale, Object... arguments) {
        ResourceBundle text = text(locale);
        String subject = format(text.getString(key + ".subject"), locale, arguments);
        return new FileNote(subject.length() > SUBJECT_MAX ? subject.substring(0, SUBJECT_MAX - 1) + "\u2026" : subject,
                format(text.getString(key), locale, arguments));
    }

    /** One word of the texts (a reason, a resolution) in the reader's language. */
    public static String word(String key, Locale locale) {
        return text(locale).getString(key);
    }

    /** Without fallback to the server's locale: English readers get the base bundle. */
    private static ResourceBundle text(Locale locale) {
        return ResourceBundle.getBundle("nl.dunwise.debtor.CollectorText", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Dates as the reader writes them ("30 november 2026"), like the notes of sent reminders. */
    private static String format(String pattern, Locale locale, Object... arguments) {
        Object[] shown = Arrays.stream(arguments).map(a -> a instanceof LocalDate day
                ? day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)) : a).toArray();
        return new MessageFormat(pattern, locale).format(shown);
    }
}

package nl.dunwise.sandbox.exact.odata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact's date forms: {@code "/Date(1700000000000)/"} in JSON (milliseconds since the epoch, UTC)
 * and {@code datetime'2024-01-31'} / {@code datetime'2024-01-31T13:45:00'} in {@code $filter}.
 * Date-only values (invoice and due dates) are written as midnight UTC of that day, which is how
 * Exact's API shows them; a client that converts to local time first will be a day off in summer.
 */
public final class ODataDates {

    private static final Pattern JSON_DATE = Pattern.compile("^/Date\\((-?\\d+)([+-]\\d{4})?\\)/$");

    private ODataDates() {
    }

    public static String format(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + ")/";
    }

    public static String format(LocalDate date) {
        return format(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The inverse of {@link #format(Instant)}; an offset suffix, if any, is ignored as in OData v2. */
    public static Instant parse(String json) {
        Matcher m = JSON_DATE.matcher(json);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a /Date(ms)/ value: " + json);
        }
        return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
    }

    /** The body of a {@code datetime'..'} literal; without zone it is read as UTC. */
    public static Instant parseLiteral(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ODataException("Unrecognized 'Edm.DateTime' literal 'datetime'" + text + "''.");
        }
    }
}

package nl.dunwise.cockpit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import nl.dunwise.platform.ClockProducer;

/** Shows instants as the credit team reads them: local Dutch time, in the viewer's language. */
@Named("moments")
@ApplicationScoped
public class Moments {

    public String format(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ClockProducer.BUSINESS_ZONE).format(instant);
    }
}

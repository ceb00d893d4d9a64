package nl.dunwise.dunning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When reminders may go out, from configuration: {@code dunwise.dunning.send-window.start} / {@code .end}
 * (08:00-18:00), {@code .zone} (Europe/Amsterdam) on the business days of {@code dunwise.dunning.calendar}
 * (NL). {@code dunwise.dunning.send-window.enabled=false} sends at any hour, for installations (and the demo)
 * that want that. Bad values stop the deployment's first dispatch with a sentence naming the key.
 */
@ApplicationScoped
public class SendingHours {

    private final Optional<SendWindow> window;

    @Inject
    SendingHours(@ConfigProperty(name = "dunwise.dunning.send-window.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "dunwise.dunning.send-window.start", defaultValue = "08:00") String start,
            @ConfigProperty(name = "dunwise.dunning.send-window.end", defaultValue = "18:00") String end,
            @ConfigProperty(name = "dunwise.dunning.send-window.zone", defaultValue = "Europe/Amsterdam") String zone,
            @ConfigProperty(name = "dunwise.dunning.calendar", defaultValue = "NL") String country) {
        this.window = enabled ? Optional.of(window(start, end, zone, country)) : Optional.empty();
    }

    protected SendingHours() {
        this.window = Optional.empty();
    }

    /** The moment sending may start: {@code now} when the window is open (or there is none), else its next opening. */
    public Instant sendsFrom(Instant now) {
        return window.map(w -> w.nextOpening(now)).orElse(now);
    }

    private static SendWindow window(String start, String end, String zone, String country) {
        try {
            return new SendWindow(LocalTime.parse(start), LocalTime.parse(end), ZoneId.of(zone), BusinessCalendar.of(country));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The send window is misconfigured (dunwise.dunning.send-window.start/end/zone, "
                    + "dunwise.dunning.calendar): " + e.getMessage(), e);
        }
    }
}

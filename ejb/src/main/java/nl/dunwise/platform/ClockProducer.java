package nl.dunwise.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The one source of "now". Business dates (due dates, the dunning day) are Dutch dates, so the clock
 * runs in Europe/Amsterdam; tests replace it with an alternative producer.
 */
@ApplicationScoped
public class ClockProducer {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Amsterdam");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(BUSINESS_ZONE);
    }
}

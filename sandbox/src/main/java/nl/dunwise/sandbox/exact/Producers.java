package nl.dunwise.sandbox.exact;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import nl.dunwise.sandbox.exact.ratelimit.ErrorLimiter;
import nl.dunwise.sandbox.exact.ratelimit.RateLimiter;

/**
 * The shared clock and the one rate limiter and error limiter of the application. The clock is a bean so the time-based
 * rules (tokens, limits, generated dates) all read the same time source.
 */
@ApplicationScoped
public class Producers {

    @Inject
    SandboxSettings settings;

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    RateLimiter rateLimiter(Clock clock) {
        return new RateLimiter(clock, settings::rateMinutely, settings::rateDaily);
    }

    @Produces
    @Singleton
    ErrorLimiter errorLimiter(Clock clock) {
        return new ErrorLimiter(clock, settings::errorsPerHour);
    }
}

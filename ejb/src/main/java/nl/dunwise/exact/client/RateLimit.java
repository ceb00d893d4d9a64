package nl.dunwise.exact.client;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;

/** The six rate-limit headers of one Exact answer (daily and per minute, resets in Unix milliseconds). */
public record RateLimit(long dailyLimit, long dailyRemaining, Instant dailyReset,
        long minutelyLimit, long minutelyRemaining, Instant minutelyReset) {

    static Optional<RateLimit> from(Response response) {
        try {
            String minutelyRemaining = response.getHeaderString("X-RateLimit-Minutely-Remaining");
            String dailyRemaining = response.getHeaderString("X-RateLimit-Remaining");
            if (minutelyRemaining == null && dailyRemaining == null) {
                return Optional.empty();
            }
            return Optional.of(new RateLimit(
                    number(response, "X-RateLimit-Limit"), number(response, "X-RateLimit-Remaining"),
                    instant(response, "X-RateLimit-Reset"),
                    number(response, "X-RateLimit-Minutely-Limit"), number(response, "X-RateLimit-Minutely-Remaining"),
                    instant(response, "X-RateLimit-Minutely-Reset")));
        } catch (NumberFormatException e) {
            // A garbled header must not break the call: pace by the next good one.
            return Optional.empty();
        }
    }

    public long dailyUsed() {
        return dailyLimit - dailyRemaining;
    }

    private static long number(Response response, String header) {
        String value = response.getHeaderString(header);
        return value == null ? -1 : Long.parseLong(value.trim());
    }

    private static Instant instant(Response response, String header) {
        long millis = number(response, header);
        return millis < 0 ? null : Instant.ofEpochMilli(millis);
    }
}

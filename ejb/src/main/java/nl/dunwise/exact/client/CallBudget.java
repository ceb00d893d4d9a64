package nl.dunwise.exact.client;

/**
 * How much of Exact's call budget a client may spend: its purpose, the calls of the daily and of the minutely
 * budget that a {@link CallPurpose#SCHEDULED_SYNC} leaves for others, and the rate-limit headers last seen
 * before this client was made (by another round), so that its first call already knows where the day stands.
 */
public record CallBudget(CallPurpose purpose, long dailyReserve, long minutelyReserve, RateLimit lastKnown) {

    /** No reserve: spends the budget to the last call (tests, and clients that do not sync in bulk). */
    public static CallBudget unreserved(CallPurpose purpose) {
        return new CallBudget(purpose, 0, 0, null);
    }

    public CallBudget {
        if (dailyReserve < 0 || minutelyReserve < 0) {
            throw new IllegalArgumentException("A reserve of calls cannot be negative");
        }
    }
}

package nl.dunwise.dunning.bounce;

import java.io.Serializable;
import java.time.Instant;

/**
 * A debtor whose reminder address hard-bounced, as the cockpit lists it: the address, why and when it bounced.
 *
 * @param current whether the debtor's reminder address in Exact is still this one (else a sync already replaced it)
 */
public record BouncingAddress(long debtorId, String debtorCode, String debtorName, String address, String statusCode,
        String diagnostic, Instant bouncedAt, long reminderId, boolean current) implements Serializable {
}

package nl.dunwise.exact;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import nl.dunwise.exact.client.RateLimit;

/**
 * Keeps scheduled rounds away from an Exact Online that keeps failing ({@link ExactCircuit}). The state sits on
 * the connection row and each step runs under its row lock in a short transaction of its own, so the servers
 * of a cluster share one circuit and only one of them gets the half-open try.
 *
 * <p>Not MicroProfile Fault Tolerance's {@code @CircuitBreaker}: that one keeps its state in the memory of one
 * server, per method, and forgets it on restart; here it must be shared, survive a restart and be shown.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ExactCircuitBreaker {

    private static final Logger LOG = Logger.getLogger(ExactCircuitBreaker.class.getName());

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Whether a scheduled sync or write-back round may call Exact now. */
    public boolean admitsRound() {
        return locked().map(c -> c.admitsRound(clock.instant())).orElse(false);
    }

    /** Records what a round showed; a person's "sync now" is recorded too, though it is never refused. */
    public void record(ExactRound round) {
        locked().ifPresent(c -> {
            boolean wasOpen = c.getCircuit().isOpen();
            c.recordRound(round, clock.instant());
            ExactCircuit circuit = c.getCircuit();
            if (!wasOpen && circuit.isOpen()) {
                LOG.warning(() -> "Exact Online failed " + circuit.getFailedRounds() + " rounds in a row; scheduled "
                        + "rounds skip it until " + circuit.getNextTryAt() + ". Last error: " + circuit.getLastError());
            } else if (wasOpen && !circuit.isOpen()) {
                LOG.info("Exact Online answers again; scheduled rounds resume");
            }
        });
    }

    /**
     * Keeps the last rate-limit headers of a round that says nothing of Exact's health for the circuit (a round of
     * invoice PDFs), so that the next round of any kind starts where it ended.
     */
    public void rateLimitSeen(RateLimit seen) {
        if (seen != null) {
            locked().ifPresent(c -> c.rateLimitSeen(seen, clock.instant()));
        }
    }

    private Optional<ExactConnection> locked() {
        return em.createQuery("select c from ExactConnection c order by c.id", ExactConnection.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(1).getResultStream().findFirst();
    }
}

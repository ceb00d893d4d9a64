package nl.dunwise.exact.writeback;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timer;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import nl.dunwise.exact.ExactCalls;
import nl.dunwise.exact.ExactCircuitBreaker;
import nl.dunwise.exact.ExactConnectionRevokedException;
import nl.dunwise.exact.ExactConnectionService;
import nl.dunwise.exact.ExactNotConfiguredException;
import nl.dunwise.exact.ExactRound;
import nl.dunwise.exact.client.CallPurpose;
import nl.dunwise.exact.client.EndpointPausedException;
import nl.dunwise.exact.client.ExactApiException;
import nl.dunwise.exact.client.ExactClient;
import nl.dunwise.exact.client.RateLimit;

/**
 * Sends due write-backs to Exact every minute. Rows are claimed in small batches in a transaction of their
 * own ({@link WriteBackQueue#claim}); Exact is called outside any transaction; each outcome is recorded in
 * a new one. A transient failure stops the run and gives the rest of the batch back untried: Exact is down
 * or out of budget, and hammering it would not help. Each run is a round of {@link ExactCircuitBreaker}: after
 * a series of such failures the runs skip Exact for a while.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WriteBackSender {

    private static final Logger LOG = Logger.getLogger(WriteBackSender.class.getName());

    /** Small batches: a claim holds its rows until they are sent. */
    static final int BATCH = 10;

    /** At most Exact's minutely budget (60 calls) per run; the next minute's run takes the rest. */
    static final int BATCHES_PER_RUN = 6;

    @Inject
    private ExactConnectionService connections;

    @Inject
    private WriteBackQueue queue;

    @Inject
    private ExactWriteBacks writeBacks;

    @Inject
    private ExactCircuitBreaker circuit;

    @Inject
    private Clock clock;

    @Resource
    private SessionContext context;

    // Payara runs a persistent timer's callback in a container transaction that also updates the timer store,
    // a second non-XA pool: work on jdbc/dunwise inside it could never commit (it would be rolled back, after
    // Exact had already been called). So the callback only hands over to an asynchronous call, which runs
    // outside any transaction, and the timer commits on its own.
    @Schedule(hour = "*", minute = "*", persistent = true, info = "exact-writeback")
    void everyMinute(Timer timer) {
        context.getBusinessObject(WriteBackSender.class).sendDueInBackground();
    }

    @Asynchronous
    public void sendDueInBackground() {
        if (connections.connected() && circuit.admitsRound()) {
            circuit.record(sendDue());
        }
    }

    /** Sends what is due; answers what the round showed of Exact's health. */
    public ExactRound sendDue() {
        ExactClient client = connections.client(CallPurpose.WRITE_BACK);
        boolean answered = false;
        for (int b = 0; b < BATCHES_PER_RUN; b++) {
            List<WriteBack> batch = queue.claim(BATCH, clock.instant(), RetryPolicy.CLAIM);
            for (int i = 0; i < batch.size(); i++) {
                WriteBack writeBack = batch.get(i);
                try {
                    writeBacks.done(writeBack, ExactCalls.withToken(connections, token -> send(client, token, writeBack)));
                    answered = true;
                } catch (EndpointPausedException e) {
                    // Exact would block the endpoint (or has): nothing was sent, so no attempt of these is spent.
                    LOG.warning("Write-back paused: " + e.getMessage());
                    writeBacks.release(batch.subList(i, batch.size()));
                    return answered ? ExactRound.answered(client.lastRateLimit().orElse(null)) : ExactRound.untried();
                } catch (ExactApiException e) {
                    writeBacks.failed(writeBack, e.getMessage(), e.isPermanent());
                    if (!e.isPermanent()) {
                        writeBacks.release(batch.subList(i + 1, batch.size()));
                        String outage = ExactRound.outageIn(e);
                        RateLimit rateLimit = client.lastRateLimit().orElse(null);
                        return outage != null ? ExactRound.unreachable(outage, rateLimit)
                                : new ExactRound(true, null, rateLimit);
                    }
                    answered = true;
                } catch (RuntimeException e) {
                    Throwable disconnected = disconnected(e);
                    if (disconnected != null) {
                        // Nothing can be sent until a person reconnects: not an attempt of these write-backs.
                        LOG.warning("Write-back paused: " + disconnected.getMessage());
                        writeBacks.release(batch.subList(i, batch.size()));
                        return answered ? ExactRound.answered(client.lastRateLimit().orElse(null)) : ExactRound.untried();
                    }
                    // Not Exact's answer (e.g. a payload we cannot read): counted, so it ends FAILED, not in a loop.
                    writeBacks.failed(writeBack, String.valueOf(e.getMessage()), false);
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        RateLimit rateLimit = client.lastRateLimit().orElse(null);
        return answered ? ExactRound.answered(rateLimit) : ExactRound.untried();
    }

    /** The reason there is no usable connection, also when the container wrapped it in an EJBException. */
    private static Throwable disconnected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ExactNotConfiguredException || t instanceof ExactConnectionRevokedException) {
                return t;
            }
        }
        return null;
    }

    /** The Exact ID of a created note; null for an account change, which Exact answers without a body. */
    private static UUID send(ExactClient client, String token, WriteBack writeBack) {
        JsonObject payload = Json.createReader(new StringReader(writeBack.payload())).readObject();
        return switch (writeBack.kind()) {
            case NOTE -> client.createNote(token, writeBack.division(), writeBack.accountId(), payload);
            case HOLD, CREDIT_LINE -> {
                client.updateAccount(token, writeBack.division(), writeBack.accountId(), payload);
                yield null;
            }
        };
    }
}

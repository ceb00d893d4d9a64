package nl.dunwise.dunning;

import jakarta.mail.Session;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.dunning.bounce.BounceAddresses;
import nl.dunwise.dunning.bounce.EmailBounces;
import nl.dunwise.exact.document.InvoicePdfs;
import nl.dunwise.exact.writeback.ExactWriteBacks;
import nl.dunwise.exact.writeback.WriteBackQueue;
import nl.dunwise.plan.PaymentPlanPolicy;
import nl.dunwise.portal.PaymentLinks;

/**
 * The dispatcher outside the container (tests, {@code ./dunwise bench dispatch}): the same classes the
 * container wires, on an entity manager with a resource-local transaction. In the container the write-back
 * outbox joins the dispatcher's JTA transaction; here it writes on that transaction's own connection, so the
 * note still commits or rolls back with the reminder. The entity manager factory must keep one connection per
 * transaction ({@link #entityManagerFactory}), as a JTA data source does.
 */
public final class StandaloneDispatch {

    private final DataSource dataSource;
    private final Session mailSession;
    private final Optional<String> from;
    private final PaymentLinks links;
    private final Clock clock;

    /** {@code dataSource} is where the invoices' PDFs are kept (read outside the reminders' transactions). */
    public StandaloneDispatch(DataSource dataSource, Session mailSession, String from, PaymentLinks links, Clock clock) {
        this.dataSource = dataSource;
        this.mailSession = mailSession;
        this.from = Optional.ofNullable(from);
        this.links = links;
        this.clock = clock;
    }

    /**
     * JPA as the application maps it, with local transactions on the given database: one connection per
     * entity manager, held for its whole transaction, so that a row locked FOR UPDATE stays locked.
     */
    public static EntityManagerFactory entityManagerFactory(String url, String user, String password) {
        return Persistence.createEntityManagerFactory("dunwise", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.driver", "org.postgresql.Driver",
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password,
                "eclipselink.jdbc.exclusive-connection.mode", "Always",
                "eclipselink.weaving", "false"));
    }

    /** The dispatcher for the transaction the caller has begun on {@code em}. */
    public ReminderDispatcher dispatcher(EntityManager em) {
        AuditLog audit = new AuditLog(em, clock);
        ExactWriteBacks writeBacks = new ExactWriteBacks(new WriteBackQueue(transactionConnection(em)), audit, clock);
        SmsChannel sms = new SmsChannel();
        // No gateway here: an SMS reminder fails with the sentence naming the settings, as in an unconfigured server.
        sms.baseUrl = Optional.empty();
        sms.apiKey = Optional.empty();
        sms.sender = Optional.empty();
        BounceAddresses bounceAddresses = new BounceAddresses(Optional.empty(), Optional.empty());
        return new ReminderDispatcher(em, mailSession, new ReminderComposer(em, links, clock), sms,
                new InvoicePdfs(dataSource, clock), audit, new ReminderTrail(em, writeBacks, audit, clock), bounceAddresses,
                new EmailBounces(em, audit, bounceAddresses, clock), clock, from);
    }

    /** The sender of instalment reminders for the transaction the caller has begun on {@code em}. */
    public InstalmentReminders instalmentReminders(EntityManager em, PaymentPlanPolicy plans) {
        AuditLog audit = new AuditLog(em, clock);
        ExactWriteBacks writeBacks = new ExactWriteBacks(new WriteBackQueue(transactionConnection(em)), audit, clock);
        return new InstalmentReminders(em, mailSession, links, audit, writeBacks, clock, from, plans);
    }

    /** {@link #pass(EntityManagerFactory, int, int)} in batches of the default size. */
    public DunningRunResult pass(EntityManagerFactory jpa, int limit) {
        return pass(jpa, limit, DispatchPass.DEFAULT_BATCH);
    }

    /**
     * One dispatch pass as the container runs it: over one SMTP connection, each batch in a transaction of its
     * own (REQUIRES_NEW), rolled back when the dispatcher throws.
     */
    public DunningRunResult pass(EntityManagerFactory jpa, int limit, int batch) {
        try (MailConnection mail = new MailConnection(mailSession)) {
            return DispatchPass.run(limit, batch,
                    (channel, max) -> inTransaction(jpa, em -> dispatcher(em).sendBatch(channel, mail, max)));
        }
    }

    /** {@code work} in a resource-local transaction of its own, committed when it returns, else rolled back. */
    public static <T> T inTransaction(EntityManagerFactory jpa, Function<EntityManager, T> work) {
        EntityManager em = jpa.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /**
     * A data source whose every connection is the transaction's own, left open when its user closes it: the
     * write-back outbox on it commits or rolls back with the work on {@code em}, as it does in the container.
     */
    public static DataSource transactionConnection(EntityManager em) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (source, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Connection connection = em.unwrap(Connection.class);
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (c, m, a) -> {
                                if (m.getName().equals("close")) {
                                    return null;
                                }
                                try {
                                    return m.invoke(connection, a);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }
}

package nl.dunwise.dunning.bounce;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timer;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.Optional;
import java.util.logging.Logger;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the bounce mailbox every five minutes (dunwise.mail.bounce.imap.*; off while no host is set) and
 * records what bounced ({@link EmailBounces}), each report in a transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BouncePoller {

    private static final Logger LOG = Logger.getLogger(BouncePoller.class.getName());
    /** Mails per round: a flood of bounces is worked off over several rounds instead of one endless one. */
    private static final int ROUND_SIZE = 500;

    @Resource
    private SessionContext context;

    @Inject
    private EmailBounces bounces;

    @Inject
    private AuditLog audit;

    @Inject
    @ConfigProperty(name = "dunwise.mail.bounce.imap.host")
    private Optional<String> host;

    @Inject
    @ConfigProperty(name = "dunwise.mail.bounce.imap.port")
    private Optional<Integer> port;

    @Inject
    @ConfigProperty(name = "dunwise.mail.bounce.imap.ssl", defaultValue = "false")
    private boolean ssl;

    @Inject
    @ConfigProperty(name = "dunwise.mail.bounce.imap.user")
    private Optional<String> user;

    @Inject
    @ConfigProperty(name = "dunwise.mail.bounce.imap.password")
    private Optional<String> password;

    @Inject
    @ConfigProperty(name = "dunwise.mail.bounce.imap.folder", defaultValue = "INBOX")
    private String folder;

    // The timer's own transaction also holds the timer store (a second non-XA pool), so the work goes to an
    // asynchronous call outside it, as with every timer here (docs/architecture.md).
    @Schedule(hour = "*", minute = "*/5", persistent = true, info = "bounce-mailbox")
    void readTimer(Timer timer) {
        context.getBusinessObject(BouncePoller.class).readInBackground();
    }

    @Asynchronous
    public void readInBackground() {
        readNow();
    }

    /** One round over the mailbox; empty when no mailbox is configured or it could not be reached. */
    public Optional<MailboxRound> readNow() {
        Optional<BounceMailbox.Settings> settings = settings();
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        MailboxRound round;
        try {
            round = BounceMailbox.read(settings.get(), bounces::record, ROUND_SIZE);
        } catch (MessagingException | RuntimeException e) {
            LOG.warning("The bounce mailbox " + settings.get() + " could not be read: " + e.getMessage());
            return Optional.empty();
        }
        if (!round.isQuiet()) {
            audit.record(null, Actor.SYSTEM, "BOUNCE_MAILBOX_READ", "Mailbox", settings.get().folder(), round.toString());
        }
        return Optional.of(round);
    }

    private Optional<BounceMailbox.Settings> settings() {
        return host.filter(h -> !h.isBlank()).map(h -> new BounceMailbox.Settings(h.strip(), port.orElse(ssl ? 993 : 143), ssl,
                user.orElse(""), password.orElse(""), folder));
    }
}

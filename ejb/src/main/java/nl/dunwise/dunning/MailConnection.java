package nl.dunwise.dunning;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One SMTP connection for a dispatch pass, opened at the first message and used for all that follow:
 * {@code Transport.send} would connect, greet and authenticate again for every reminder. After a failure the
 * connection is dropped, so the next message opens a fresh one.
 */
public final class MailConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MailConnection.class.getName());

    private final Session session;
    private Transport transport;

    public MailConnection(Session session) {
        this.session = session;
    }

    /** Hands the message to the SMTP server; when this returns, the server has accepted it. */
    void send(MimeMessage message) throws MessagingException {
        try {
            if (transport == null) {
                // The transport Transport.send would pick for the recipient (smtp, or smtps if so configured).
                Transport opened = session.getTransport(message.getAllRecipients()[0]);
                opened.connect();
                transport = opened;
            }
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.log(Level.FINE, "Closing the SMTP connection failed", e);
            } finally {
                transport = null;
            }
        }
    }
}

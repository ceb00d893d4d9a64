package nl.dunwise.dunning;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One SMTP connection for a dispatch pass, opened at the first message and used for all that follow:
 * {@code Transport.send} would connect, greet and authenticate again for every reminder. After a failure the
 * connection is dropped, so the next message opens a fresh one.
 * <p>
 * Each reminder may have an envelope sender of its own (MAIL FROM, which the receiving server turns into the
 * Return-Path; VERP, see BounceAddresses). Jakarta Mail reads it from the session's {@code mail.smtp.from} at
 * every message, so the pass works on a copy of the server's shared session, whose properties only this pass
 * changes; the copy asks the original for the password should the server want a login.
 */
public final class MailConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MailConnection.class.getName());
    private static final String[] FROM_KEYS = {"mail.smtp.from", "mail.smtps.from"};

    private final Properties properties = new Properties();
    private final Properties original;
    private final Session session;
    private Transport transport;

    public MailConnection(Session shared) {
        original = shared.getProperties();
        properties.putAll(original);
        session = Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return shared.requestPasswordAuthentication(getRequestingSite(), getRequestingPort(),
                        getRequestingProtocol(), getRequestingPrompt(), getDefaultUserName());
            }
        });
    }

    /**
     * Hands the message to the SMTP server with {@code envelopeSender} as MAIL FROM (else the session's own);
     * when this returns, the server has accepted it.
     */
    void send(MimeMessage message, Optional<String> envelopeSender) throws MessagingException {
        for (String key : FROM_KEYS) {
            String value = envelopeSender.orElse(original.getProperty(key));
            if (value == null) {
                properties.remove(key);
            } else {
                properties.setProperty(key, value);
            }
        }
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

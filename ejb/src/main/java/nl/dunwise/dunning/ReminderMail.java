package nl.dunwise.dunning;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import nl.dunwise.exact.document.InvoiceFile;

/**
 * Builds the MIME message of an email reminder: plain text and HTML alternatives, a stable Message-ID, the
 * invoices' PDFs when there are any ({@code multipart/mixed}: the alternatives first, then one
 * {@code application/pdf} attachment per invoice), and, when bounces are read, the reminder's own VERP
 * envelope sender (see BounceAddresses).
 */
final class ReminderMail {

    private ReminderMail() {
    }

    static MimeMessage build(Session session, String from, String to, String messageId, RenderedMessage content,
            List<InvoiceFile> invoices, Instant sentAt, Optional<String> envelopeSender) throws MessagingException {
        MimeMessage message = new StableIdMessage(envelopeSender.map(s -> withEnvelopeSender(session, s)).orElse(session), messageId);
        if (from != null && !from.isBlank()) {
            message.setFrom(new InternetAddress(from));
        } else {
            message.setFrom();
        }
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(content.subject(), "UTF-8");
        message.setSentDate(Date.from(sentAt));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(content.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;font-size:14px\">"
                + content.html() + "</body></html>", "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (invoices.isEmpty()) {
            message.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (InvoiceFile invoice : invoices) {
                MimeBodyPart pdf = new MimeBodyPart();
                pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(invoice.content(), "application/pdf")));
                pdf.setFileName(invoice.fileName());
                pdf.setDisposition(Part.ATTACHMENT);
                mixed.addBodyPart(pdf);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /**
     * The mail session with another envelope sender (MAIL FROM, which the receiving server turns into the
     * Return-Path). Jakarta Mail takes it from the session's mail.smtp.from; the server's session is shared,
     * so each message gets a copy, which asks the original for the password should the server want a login.
     */
    static Session withEnvelopeSender(Session session, String envelopeSender) {
        Properties properties = new Properties();
        properties.putAll(session.getProperties());
        properties.put("mail.smtp.from", envelopeSender);
        properties.put("mail.smtps.from", envelopeSender);
        return Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return session.requestPasswordAuthentication(getRequestingSite(), getRequestingPort(),
                        getRequestingProtocol(), getRequestingPrompt(), getDefaultUserName());
            }
        });
    }

    /** Jakarta Mail invents a new Message-ID on every save; a reminder keeps its own. */
    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

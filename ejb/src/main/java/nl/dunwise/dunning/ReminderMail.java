package nl.dunwise.dunning;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Instant;
import java.util.Date;

/**
 * Builds the MIME message of an email reminder: plain text and HTML alternatives, the reminder as a PDF
 * letter attached, a stable Message-ID.
 */
final class ReminderMail {

    private ReminderMail() {
    }

    static MimeMessage build(Session session, String from, String to, String messageId, RenderedMessage content,
            byte[] pdf, String pdfName, Instant sentAt) throws MessagingException {
        MimeMessage message = new StableIdMessage(session, messageId);
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
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart letter = new MimeBodyPart();
        letter.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        letter.setFileName(pdfName);
        letter.setDisposition(MimeBodyPart.ATTACHMENT);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(letter);
        message.setContent(mixed);
        message.saveChanges();
        return message;
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

package nl.dunwise.dunning;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
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
import nl.dunwise.exact.document.InvoiceFile;

/**
 * Builds the MIME message of an email reminder: plain text and HTML alternatives, a stable Message-ID, the
 * invoices' PDFs when there are any ({@code multipart/mixed}: the alternatives first, then one
 * {@code application/pdf} attachment per invoice). The VERP envelope sender is the connection's
 * ({@link MailConnection}).
 */
final class ReminderMail {

    private ReminderMail() {
    }

    static MimeMessage build(Session session, String from, String to, String messageId, RenderedMessage content,
            List<InvoiceFile> invoices, Instant sentAt) throws MessagingException {
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
                // A PDF that happens to be plain ASCII would otherwise go as 7bit text, its line ends rewritten.
                pdf.setHeader("Content-Transfer-Encoding", "base64");
                mixed.addBodyPart(pdf);
            }
            message.setContent(mixed);
        }
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

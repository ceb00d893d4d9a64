package nl.dunwise.dunning.bounce;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The sample mails of the bounce mailbox (test resources, written after what Postfix, Exchange Online and Gmail
 * send), with the address they were returned to and the Message-ID of the reminder they return filled in.
 */
public final class SampleReports {

    private SampleReports() {
    }

    public static MimeMessage mail(String sample, String returnedTo, String originalMessageId) {
        String text = text(sample).replace("{{VERP}}", returnedTo).replace("{{MESSAGE_ID}}", originalMessageId);
        try {
            return new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String sample) {
        try (InputStream in = SampleReports.class.getResourceAsStream(sample + ".eml")) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + sample);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import nl.dunwise.exact.document.InvoiceFile;
import org.junit.jupiter.api.Test;

/** The MIME structure of a reminder as a mail client receives it: written out to bytes and read back. */
class ReminderMailTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final RenderedMessage CONTENT = new RenderedMessage("Herinnering", "<p>Beste klant, factuur 20260012</p>",
            "Beste klant, factuur 20260012");
    private static final byte[] PDF_1 = "%PDF-1.4\n% invoice 20260012\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PDF_2 = "%PDF-1.7\n% invoice 20260013 \u00ff\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void aReminderWithInvoicePdfsIsMixedTextAndHtmlAlternativesFirstThenOnePdfPerInvoice() throws Exception {
        MimeMessage received = roundTrip(ReminderMail.build(SESSION, "debiteuren@dunwise.example", "klant@example.com",
                "<reminder-42@dunwise>", CONTENT, List.of(new InvoiceFile("20260012", "Factuur 20260012.pdf", PDF_1),
                        new InvoiceFile("20260013", "Factuur 20260013.pdf", PDF_2)), Instant.parse("2026-11-25T10:00:00Z")));

        assertTrue(received.isMimeType("multipart/mixed"), received.getContentType());
        assertEquals("<reminder-42@dunwise>", received.getMessageID());
        Multipart mixed = (Multipart) received.getContent();
        assertEquals(3, mixed.getCount());
        BodyPart body = mixed.getBodyPart(0);
        assertTrue(body.isMimeType("multipart/alternative"), body.getContentType());
        Multipart alternative = (Multipart) body.getContent();
        assertEquals(2, alternative.getCount());
        assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
        assertEquals("Beste klant, factuur 20260012", alternative.getBodyPart(0).getContent());
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
        assertTrue(((String) alternative.getBodyPart(1).getContent()).contains("<p>Beste klant, factuur 20260012</p>"));
        assertPdf(mixed.getBodyPart(1), "Factuur 20260012.pdf", PDF_1);
        assertPdf(mixed.getBodyPart(2), "Factuur 20260013.pdf", PDF_2);
    }

    @Test
    void aReminderWithoutPdfsStaysTextAndHtmlAlternatives() throws Exception {
        MimeMessage received = roundTrip(ReminderMail.build(SESSION, null, "klant@example.com", "<reminder-43@dunwise>",
                CONTENT, List.of(), Instant.parse("2026-11-25T10:00:00Z")));

        assertTrue(received.isMimeType("multipart/alternative"), received.getContentType());
        assertEquals(2, ((Multipart) received.getContent()).getCount());
    }

    private static void assertPdf(BodyPart part, String fileName, byte[] content) throws Exception {
        assertTrue(part.isMimeType("application/pdf"), part.getContentType());
        assertEquals(Part.ATTACHMENT, part.getDisposition());
        assertEquals(fileName, part.getFileName());
        try (InputStream in = part.getInputStream()) {
            assertArrayEquals(content, in.readAllBytes());
        }
    }

    private static MimeMessage roundTrip(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return new MimeMessage(SESSION, new ByteArrayInputStream(out.toByteArray()));
    }
}

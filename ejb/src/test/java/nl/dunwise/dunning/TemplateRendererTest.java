package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private static MessageTemplate template(String subject, String text) {
        return new MessageTemplate(1, "first-reminder", Channel.EMAIL, "en", subject, TemplateRenderer.paragraphs(text), text,
                Instant.EPOCH, "test");
    }

    @Test
    void mergeFieldsAreFilledAndEscapedInHtmlOnly() {
        MessageTemplate t = template("Reminder for {{debtor.name}}", "Dear {{debtor.name}},\n\n{{invoice.table}}\n\nPay at {{payment.link}}");
        RenderedMessage m = TemplateRenderer.render(t,
                Map.of(MergeField.DEBTOR_NAME, "Bakker & Zn <BV>", MergeField.PAYMENT_LINK, "https://p/pay?t=x"),
                "<table>rows</table>", "rows");
        assertEquals("Reminder for Bakker & Zn <BV>", m.subject());
        assertTrue(m.html().contains("Dear Bakker &amp; Zn &lt;BV&gt;,"), m.html());
        assertTrue(m.html().contains("<table>rows</table>"), "the invoice table is inserted as HTML: " + m.html());
        assertTrue(m.text().contains("Dear Bakker & Zn <BV>,"));
        assertTrue(m.text().contains("rows"));
    }

    @Test
    void anUnknownMergeFieldIsRefusedWhenTheTemplateIsMade() {
        UnknownMergeFieldException e = assertThrows(UnknownMergeFieldException.class,
                () -> template("Hi {{debtor.nmae}}", "{{debtor.name}} {{amount}}"));
        assertTrue(e.getMessage().contains("{{debtor.nmae}}") && e.getMessage().contains("{{amount}}"), e.getMessage());
        assertTrue(e.getMessage().contains("{{debtor.name}}"), "the message lists the known fields: " + e.getMessage());
    }

    @Test
    void everyDefaultTemplateUsesOnlyKnownFields() {
        for (DefaultScenarios.DefaultTemplate template : DefaultScenarios.TEMPLATES) {
            for (String language : DefaultScenarios.TEMPLATE_LANGUAGES) {
                String code = template.resource(language);
                try (var in = DefaultScenarios.class.getResourceAsStream(code)) {
                    String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    TemplateRenderer.validate(text);
                    // A link of a hundred characters is of no use on paper: letters name the customer number instead.
                    assertTrue(template.channel() == Channel.LETTER ? text.contains("{{debtor.code}}")
                            : text.contains("{{payment.link}}"), code + " tells how to pay");
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Test
    void aRevisedTemplateWithAnUnknownFieldKeepsItsFormerText() {
        MessageTemplate t = template("Reminder", "Dear {{debtor.name}}");
        UnknownMergeFieldException e = assertThrows(UnknownMergeFieldException.class,
                () -> t.revise("New subject", "Dear {{debtor.nam}}", Instant.EPOCH, "carla"));
        assertEquals(java.util.List.of("debtor.nam"), e.unknown());
        assertEquals("Reminder", t.getSubject());
        assertEquals("Dear {{debtor.name}}", t.getBodyText());
        assertEquals("test", t.getUpdatedBy());
    }

    @Test
    void aRevisedTemplateGetsItsHtmlFromItsTextSoTheTwoNeverDiffer() {
        MessageTemplate t = template("Reminder", "Dear {{debtor.name}}");
        t.revise("  Please pay  ", "Dear {{debtor.name}},\n\nTerms & conditions apply.\n\n{{invoice.table}}\n", Instant.EPOCH, "carla");
        assertEquals("Please pay", t.getSubject());
        assertEquals("<p>Dear {{debtor.name}},</p>\n<p>Terms &amp; conditions apply.</p>\n{{invoice.table}}\n", t.getBodyHtml());
        assertEquals("carla", t.getUpdatedBy());
    }
}

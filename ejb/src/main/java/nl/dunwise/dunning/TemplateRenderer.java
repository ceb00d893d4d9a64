package nl.dunwise.dunning;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {{merge fields}} into a template. Values are HTML-escaped in the HTML body, except the invoice
 * table, which the renderer builds itself. An unknown field is an error, never silently left blank.
 */
public final class TemplateRenderer {

    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([a-z.]+)\\s*}}");

    private TemplateRenderer() {
    }

    /** Refuses a template that names a field we do not know; the message lists the unknown ones. */
    public static void validate(String... parts) {
        List<String> unknown = new ArrayList<>();
        for (String part : parts) {
            Matcher m = FIELD.matcher(part);
            while (m.find()) {
                if (MergeField.byKey(m.group(1)).isEmpty() && !unknown.contains(m.group(1))) {
                    unknown.add(m.group(1));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownMergeFieldException(unknown);
        }
    }

    /** The merge fields the template uses, so that costly values (interest, costs) are worked out only when needed. */
    public static Set<MergeField> fieldsUsed(MessageTemplate template) {
        Set<MergeField> used = EnumSet.noneOf(MergeField.class);
        for (String part : List.of(template.getSubject(), template.getBodyHtml(), template.getBodyText())) {
            Matcher m = FIELD.matcher(part);
            while (m.find()) {
                MergeField.byKey(m.group(1)).ifPresent(used::add);
            }
        }
        return used;
    }

    public static RenderedMessage render(MessageTemplate template, Map<MergeField, String> values,
            String invoiceTableHtml, String invoiceTableText) {
        return new RenderedMessage(
                fill(template.getSubject(), values, null, false),
                fill(template.getBodyHtml(), values, invoiceTableHtml, true),
                fill(template.getBodyText(), values, invoiceTableText, false));
    }

    private static String fill(String template, Map<MergeField, String> values, String table, boolean html) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            MergeField field = MergeField.byKey(m.group(1)).orElseThrow(() -> new UnknownMergeFieldException(List.of(m.group(1))));
            String value;
            if (field == MergeField.INVOICE_TABLE) {
                value = table == null ? "" : table;
            } else {
                String raw = values.getOrDefault(field, "");
                value = html ? escape(raw) : raw;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Turns a plain-text body into simple HTML paragraphs; merge fields pass through untouched. */
    static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            String p = paragraph.strip();
            if (p.equals("{{" + MergeField.INVOICE_TABLE.key() + "}}")) {
                html.append(p).append('\n');
            } else {
                html.append("<p>").append(escape(p).replace("\n", "<br>\n")).append("</p>\n");
            }
        }
        return html.toString();
    }
}

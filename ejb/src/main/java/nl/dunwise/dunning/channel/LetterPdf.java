package nl.dunwise.dunning.channel;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import nl.dunwise.dunning.TemplateRenderer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Letters as one printable A4 PDF, each starting on a new page, laid out for a window envelope after
 * DIN 5008 form B (the layout NEN 1026 shares for the Dutch market): the address field 20 mm from the left
 * and 45 mm from the top, 85 x 45 mm, so that it shows through the 90 x 45 mm window of a DL or C5/6
 * envelope (DIN 680: window 20 mm from the left) when the sheet is folded at 105 and 210 mm. Its first
 * 12.7 mm hold the return address in small print; the recipient follows in the 27.3 mm below (six lines).
 * The information block (date, customer number) sits beside it from 125 mm; the subject follows at about
 * 98 mm, then the body and the invoice table, flowing onto further pages with 20 mm margins.
 */
public final class LetterPdf {

    /** Every length on the page is in millimetres from the sheet's top-left corner. */
    static final double PAGE_MARGIN_TOP = 20;
    static final double PAGE_MARGIN_LEFT = 25;
    static final double ADDRESS_LEFT = 20;
    static final double ADDRESS_TOP = 45;
    static final double ADDRESS_WIDTH = 85;
    static final double RETURN_ZONE_HEIGHT = 12.7;
    static final double ADDRESS_ZONE_HEIGHT = 27.3;
    static final double DETAILS_LEFT = 125;
    static final double SUBJECT_TOP = 98.5;

    /*
     * A DocumentBuilderFactory looked up once: openhtmltopdf would look one (and a TransformerFactory) up through
     * the ServiceLoader on every render, scanning every jar of the class path, for each reminder emailed.
     */
    private static final DocumentBuilderFactory XHTML_PARSER = DocumentBuilderFactory.newInstance();

    static {
        XHTML_PARSER.setNamespaceAware(true);
        // Three INFO lines for every PDF would bury the server log; warnings still show.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private LetterPdf() {
    }

    /** The PDF of {@code letters}, in their order. */
    public static byte[] render(List<Letter> letters) {
        if (letters.isEmpty()) {
            throw new IllegalArgumentException("No letters to print");
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(parse(xhtml(letters)), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The letters could not be rendered: " + e.getMessage(), e);
        }
    }

    private static Document parse(String xhtml) throws IOException {
        try {
            DocumentBuilder parser;
            synchronized (XHTML_PARSER) {
                parser = XHTML_PARSER.newDocumentBuilder();
            }
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("The letter is not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    public static int pageCount(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String xhtml(List<Letter> letters) {
        StringBuilder b = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml"><head><style>
                """);
        // Positions inside a letter are taken from the content box of its first page, which starts at the
        // page margins: hence the subtractions.
        b.append("@page { size: A4; margin: ").append(mm(PAGE_MARGIN_TOP)).append(" 20mm 20mm ").append(mm(PAGE_MARGIN_LEFT)).append("; }\n")
                .append("body { font-family: Helvetica, Arial, sans-serif; font-size: 10pt; line-height: 1.35; margin: 0; }\n")
                .append(".letter { position: relative; padding-top: ").append(mm(SUBJECT_TOP - PAGE_MARGIN_TOP)).append("; }\n")
                .append(".letter + .letter { page-break-before: always; }\n")
                .append(".sender { position: absolute; top: 0; left: 0; right: 0; font-size: 14pt; font-weight: bold; }\n")
                .append(".address { position: absolute; top: ").append(mm(ADDRESS_TOP - PAGE_MARGIN_TOP))
                .append("; left: ").append(mm(ADDRESS_LEFT - PAGE_MARGIN_LEFT)).append("; width: ").append(mm(ADDRESS_WIDTH - 5))
                .append("; padding-left: 5mm; }\n")
                .append(".return { height: ").append(mm(RETURN_ZONE_HEIGHT)).append("; font-size: 7pt; overflow: hidden;")
                .append(" padding-top: 6mm; box-sizing: border-box; }\n")
                .append(".recipient { height: ").append(mm(ADDRESS_ZONE_HEIGHT)).append("; line-height: 1.2; overflow: hidden; }\n")
                .append(".details { position: absolute; top: ").append(mm(ADDRESS_TOP + 5 - PAGE_MARGIN_TOP))
                .append("; left: ").append(mm(DETAILS_LEFT - PAGE_MARGIN_LEFT)).append("; font-size: 9pt; }\n")
                .append(".details td { padding: 0 3mm 0 0; }\n")
                .append(".subject { font-weight: bold; margin: 0 0 6mm 0; }\n")
                .append("table { border-collapse: collapse; margin: 2mm 0; }\n")
                .append("</style></head><body>\n");
        for (Letter letter : letters) {
            b.append("<div class=\"letter\">\n<div class=\"sender\">").append(escape(letter.senderName())).append("</div>\n")
                    .append("<div class=\"address\"><div class=\"return\">").append(escape(letter.returnAddress()))
                    .append("</div><div class=\"recipient\">");
            for (String line : letter.recipient()) {
                b.append("<div>").append(escape(line)).append("</div>");
            }
            b.append("</div></div>\n<table class=\"details\">");
            for (Map.Entry<String, String> d : letter.details().entrySet()) {
                b.append("<tr><td>").append(escape(d.getKey())).append("</td><td>").append(escape(d.getValue())).append("</td></tr>");
            }
            b.append("</table>\n<div class=\"subject\">").append(escape(letter.subject())).append("</div>\n")
                    .append("<div class=\"body\">").append(wellFormed(letter.bodyHtml())).append("</div>\n</div>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    /** The template renderer writes HTML ({@code <br>}); the PDF renderer reads XHTML. */
    static String wellFormed(String html) {
        return html.replace("<br>", "<br/>");
    }

    private static String mm(double millimetres) {
        return millimetres + "mm";
    }

    private static String escape(String s) {
        return s == null ? "" : TemplateRenderer.escape(s);
    }
}

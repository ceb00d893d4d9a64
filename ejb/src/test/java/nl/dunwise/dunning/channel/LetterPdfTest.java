package nl.dunwise.dunning.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** The letter PDF opened with PDFBox: where the address lands on the sheet, and what text it holds. */
class LetterPdfTest {

    private static final double POINTS_PER_MM = 72 / 25.4;

    /** The window of a DL envelope after DIN 680 as the folded sheet lies in it: 20-110 mm across, 45-90 mm down. */
    private static final double WINDOW_LEFT = 20;
    private static final double WINDOW_RIGHT = 110;
    private static final double WINDOW_TOP = 45;
    private static final double WINDOW_BOTTOM = 90;

    private static Letter letter(String name, String invoiceNumber) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("Datum", "3 december 2026");
        details.put("Klantnummer", "1000");
        String table = "<table><tr><th>Factuur</th><th>Openstaand</th></tr><tr><td>" + invoiceNumber
                + "</td><td>€ 1.234,56</td></tr></table>\n";
        return new Letter("Bakkerij De Graaf B.V.", "Bakkerij De Graaf B.V. · Postbus 12 · 1000 AA Amsterdam",
                List.of(name, "t.a.v. de crediteurenadministratie", "Keizersgracht 123", "1015 CJ Amsterdam"),
                details, "Laatste aanmaning",
                "<p>Geachte heer/mevrouw,</p>\n<p>De facturen hieronder zijn niet betaald.<br>\nZie de tabel.</p>\n" + table
                        + "<p>Met vriendelijke groet</p>\n");
    }

    /** Every glyph on each page with its position in millimetres from the top-left corner. */
    private static List<List<Glyph>> glyphsByPage(byte[] pdf) throws IOException {
        List<List<Glyph>> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                List<Glyph> glyphs = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        for (TextPosition t : positions) {
                            glyphs.add(new Glyph(t.getUnicode(), t.getXDirAdj() / POINTS_PER_MM,
                                    (t.getXDirAdj() + t.getWidthDirAdj()) / POINTS_PER_MM,
                                    (t.getYDirAdj() - t.getHeightDir()) / POINTS_PER_MM, t.getYDirAdj() / POINTS_PER_MM));
                        }
                    }
                };
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                stripper.getText(document);
                pages.add(glyphs);
            }
        }
        return pages;
    }

    private record Glyph(String text, double left, double right, double top, double baseline) {
    }

    /** The glyphs of the first line on the page that reads {@code line}. */
    private static List<Glyph> line(List<Glyph> page, String line) {
        for (int start = 0; start < page.size(); start++) {
            StringBuilder read = new StringBuilder();
            int end = start;
            while (end < page.size() && read.length() < line.replace(" ", "").length()) {
                read.append(page.get(end).text().replace(" ", ""));
                end++;
            }
            if (read.toString().equals(line.replace(" ", ""))) {
                return page.subList(start, end);
            }
        }
        throw new AssertionError("'" + line + "' is not on the page");
    }

    @Test
    void theRecipientsAddressLiesInsideTheEnvelopeWindow() throws IOException {
        Letter letter = letter("Jansen Installatietechniek B.V.", "F2026-0042");
        List<Glyph> page = glyphsByPage(LetterPdf.render(List.of(letter))).get(0);
        for (String addressLine : letter.recipient()) {
            for (Glyph g : line(page, addressLine)) {
                assertTrue(g.left() >= WINDOW_LEFT && g.right() <= WINDOW_RIGHT, addressLine + ": " + g);
                assertTrue(g.top() >= WINDOW_TOP && g.baseline() <= WINDOW_BOTTOM, addressLine + ": " + g);
            }
        }
        Glyph returnLine = line(page, "Bakkerij De Graaf B.V. · Postbus 12 · 1000 AA Amsterdam").get(0);
        Glyph firstRecipientLine = line(page, "Jansen Installatietechniek B.V.").get(0);
        assertTrue(returnLine.baseline() < firstRecipientLine.top(), "the return address sits above the recipient");
        assertTrue(returnLine.top() >= WINDOW_TOP, "and inside the window too");
    }

    @Test
    void nothingElseShowsThroughTheWindow() throws IOException {
        Letter letter = letter("Jansen Installatietechniek B.V.", "F2026-0042");
        List<Glyph> page = glyphsByPage(LetterPdf.render(List.of(letter))).get(0);
        List<Glyph> allowed = new ArrayList<>(line(page, "Bakkerij De Graaf B.V. · Postbus 12 · 1000 AA Amsterdam"));
        letter.recipient().forEach(l -> allowed.addAll(line(page, l)));
        for (Glyph g : page) {
            boolean inWindow = g.right() > WINDOW_LEFT && g.left() < WINDOW_RIGHT && g.baseline() > WINDOW_TOP
                    && g.top() < WINDOW_BOTTOM;
            assertTrue(!inWindow || allowed.contains(g) || g.text().isBlank(), "'" + g.text() + "' shows through the window: " + g);
        }
    }

    @Test
    void eachLetterStartsOnAPageOfItsOwnAndHoldsItsInvoices() throws IOException {
        byte[] pdf = LetterPdf.render(List.of(letter("Jansen B.V.", "F2026-0042"), letter("Pietersen V.O.F.", "F2026-0107")));
        assertEquals(2, LetterPdf.pageCount(pdf));
        List<List<Glyph>> pages = glyphsByPage(pdf);
        assertEquals("F2026-0042", text(line(pages.get(0), "F2026-0042")));
        assertEquals("F2026-0107", text(line(pages.get(1), "F2026-0107")));
        assertFalse(text(pages.get(0)).contains("F2026-0107"));
        assertTrue(text(pages.get(0)).contains("€1.234,56"), "the euro sign survives the base fonts");
        Glyph second = line(pages.get(1), "Pietersen V.O.F.").get(0);
        assertTrue(second.left() >= WINDOW_LEFT && second.top() >= WINDOW_TOP && second.baseline() <= WINDOW_BOTTOM,
                "the second letter's address is in the window of its own first page: " + second);
    }

    private static String text(List<Glyph> glyphs) {
        StringBuilder b = new StringBuilder();
        glyphs.forEach(g -> b.append(g.text()));
        return b.toString().replace(" ", "");
    }
}

package nl.dunwise.sandbox.exact.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The hand-written invoice PDF opens in a real PDF reader (PDFBox), says what the invoice says, and never varies. */
class InvoicePdfTest {

    private static final InvoicePdf.Data INVOICE = new InvoicePdf.Data("Demo Groothandel B.V.", 20260042,
            LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "Bakkerij De Gouden (Korst)", "Dorpsstraat 12",
            "1234 AB  Utrecht", "PO-77", "Meel en gist, oktober", new BigDecimal("1210.00"), "EUR", false);

    @Test
    void anInvoicePdfOpensAsOneA4PageWithTheInvoicesData() throws Exception {
        byte[] pdf = InvoicePdf.render(INVOICE);
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
        assertTrue(pdf.length < 4000, "a small file: " + pdf.length);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            assertEquals(595, Math.round(document.getPage(0).getMediaBox().getWidth()));
            String text = new PDFTextStripper().getText(document);
            for (String expected : new String[] {"Factuur 20260042", "Bakkerij De Gouden (Korst)", "01-10-2026", "31-10-2026",
                "PO-77", "1000.00", "210.00", "1210.00", "Demo Groothandel B.V."}) {
                assertTrue(text.contains(expected), expected + " in " + text);
            }
            assertEquals("Factuur 20260042", document.getDocumentInformation().getTitle());
        }
    }

    @Test
    void theSameInvoiceAlwaysGivesTheSameBytesSoFileSizeHoldsForEveryDownload() {
        assertArrayEquals(InvoicePdf.render(INVOICE), InvoicePdf.render(INVOICE));
    }

    @Test
    void aCreditNoteSaysSo() throws Exception {
        InvoicePdf.Data credit = new InvoicePdf.Data("Demo", 20260043, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                "Klant", null, "", null, null, new BigDecimal("-121.00"), "EUR", true);
        try (PDDocument document = Loader.loadPDF(InvoicePdf.render(credit))) {
            assertTrue(new PDFTextStripper().getText(document).contains("Creditnota 20260043"));
        }
    }
}

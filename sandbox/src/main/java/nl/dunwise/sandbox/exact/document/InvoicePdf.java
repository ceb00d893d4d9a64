package nl.dunwise.sandbox.exact.document;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-page A4 sales invoice as a small PDF 1.4 file (Helvetica, no fonts embedded, a few kilobytes), written
 * by hand so that the sandbox needs no PDF library. The same data always gives the same bytes: there is no
 * creation date and no random ID, so FileSize in DocumentAttachments matches every download.
 */
public final class InvoicePdf {

    /** What is printed on the invoice. {@code amount} includes VAT at 21%, negative for a credit note. */
    public record Data(String company, int invoiceNumber, LocalDate invoiceDate, LocalDate dueDate, String debtorName,
            String addressLine, String postcodeAndCity, String yourRef, String description, BigDecimal amount,
            String currency, boolean creditNote) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final BigDecimal VAT = new BigDecimal("1.21");

    private InvoicePdf() {
    }

    public static byte[] render(Data d) {
        BigDecimal net = d.amount().divide(VAT, 2, RoundingMode.HALF_UP);
        List<String> text = new ArrayList<>();
        text.add(line(56, 790, 16, d.company()));
        text.add(line(56, 740, 10, d.debtorName()));
        text.add(line(56, 726, 10, nz(d.addressLine())));
        text.add(line(56, 712, 10, nz(d.postcodeAndCity())));
        text.add(line(56, 650, 14, (d.creditNote() ? "Creditnota " : "Factuur ") + d.invoiceNumber()));
        text.add(line(56, 625, 10, "Factuurdatum: " + d.invoiceDate().format(DATE)));
        text.add(line(56, 611, 10, "Vervaldatum: " + d.dueDate().format(DATE)));
        text.add(line(56, 597, 10, "Uw referentie: " + nz(d.yourRef())));
        text.add(line(56, 560, 10, "Omschrijving"));
        text.add(line(420, 560, 10, "Bedrag " + d.currency()));
        text.add(line(56, 544, 10, nz(d.description())));
        text.add(line(420, 544, 10, net.toPlainString()));
        text.add(line(56, 510, 10, "Subtotaal"));
        text.add(line(420, 510, 10, net.toPlainString()));
        text.add(line(56, 496, 10, "BTW 21%"));
        text.add(line(420, 496, 10, d.amount().subtract(net).toPlainString()));
        text.add(line(56, 478, 11, "Totaal"));
        text.add(line(420, 478, 11, d.amount().setScale(2, RoundingMode.HALF_UP).toPlainString()));
        text.add(line(56, 420, 9, "Gelieve het totaalbedrag voor de vervaldatum over te maken onder vermelding van het "
                + "factuurnummer."));
        String stream = "0.5 w 56 570 m 540 570 l S 56 490 m 540 490 l S\n" + String.join("\n", text);
        byte[] content = stream.getBytes(StandardCharsets.ISO_8859_1);

        List<byte[]> objects = List.of(
                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                        + "/Contents 5 0 R >>"),
                ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
                concat(ascii("<< /Length " + content.length + " >>\nstream\n"), content, ascii("\nendstream")),
                ascii("<< /Title (" + escape((d.creditNote() ? "Creditnota " : "Factuur ") + d.invoiceNumber())
                        + ") /Producer (Exact Online sandbox) >>"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, ascii("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, ascii((i + 1) + " 0 obj\n"));
            write(out, objects.get(i));
            write(out, ascii("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Info 6 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, ascii(table.toString()));
        return out.toByteArray();
    }

    private static String line(int x, int y, int size, String s) {
        return "BT /F1 " + size + " Tf " + x + " " + y + " Td (" + escape(s) + ") Tj ET";
    }

    /** A PDF literal string in WinAnsi: backslash, brackets escaped; what Latin-1 cannot hold becomes '?'. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')') {
                b.append('\\').append(c);
            } else if (c < 32 || c > 255) {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            write(out, p);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }
}

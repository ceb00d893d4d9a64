package nl.dunwise.exact.document;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The PDFs found for the invoices of one reminder, and the invoices that go without one with the reason
 * (Exact has none, the download failed or was refused, the mail would grow too large).
 */
public record InvoiceFiles(List<InvoiceFile> attached, List<Missing> missing) {

    public record Missing(String invoiceNumber, String reason) {
    }

    public static InvoiceFiles none() {
        return new InvoiceFiles(List.of(), List.of());
    }

    /** One line for the reminder's trail; empty when the reminder listed no invoices. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        if (!attached.isEmpty()) {
            s.append("Attached: ").append(attached.stream()
                    .map(f -> f.fileName() + " (" + f.content().length + " bytes, SHA-256 " + f.sha256() + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (!missing.isEmpty()) {
            s.append(s.isEmpty() ? "" : "; ").append("without a PDF: ").append(missing.stream()
                    .map(m -> m.invoiceNumber() + " (" + m.reason() + ")").collect(Collectors.joining(", ")));
        }
        return s.toString();
    }
}

package nl.dunwise.exact.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An invoice's PDF as Exact holds it, ready to attach. */
public record InvoiceFile(String invoiceNumber, String fileName, byte[] content) {

    /** The SHA-256 of the content, so that the trail says which file went out without keeping it twice. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

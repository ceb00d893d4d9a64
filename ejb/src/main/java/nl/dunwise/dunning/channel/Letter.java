package nl.dunwise.dunning.channel;

import java.util.List;
import java.util.Map;

/**
 * One printed letter as {@link LetterPdf} lays it out.
 *
 * @param senderName    the creditor, at the top of the page
 * @param returnAddress the one small line above the recipient in the window (the creditor's address)
 * @param recipient     the address lines, at most six, the country last for post abroad
 * @param details       the information block beside the address (date, customer number, ...), in order
 * @param subject       the subject line
 * @param bodyHtml      the body as the template renderer made it (paragraphs and the invoice table)
 */
public record Letter(String senderName, String returnAddress, List<String> recipient, Map<String, String> details,
                     String subject, String bodyHtml) {

    /** DIN 5008 leaves room for six lines in the address zone; more would run out of the window. */
    public static final int MAX_ADDRESS_LINES = 6;

    public Letter {
        recipient = List.copyOf(recipient);
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
        if (recipient.isEmpty() || recipient.size() > MAX_ADDRESS_LINES) {
            throw new IllegalArgumentException("An address has 1 to " + MAX_ADDRESS_LINES + " lines, not " + recipient.size());
        }
    }
}

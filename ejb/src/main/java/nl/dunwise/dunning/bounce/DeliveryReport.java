package nl.dunwise.dunning.bounce;

import java.time.Instant;
import java.util.List;

/**
 * A delivery status notification (RFC 3464) as read from the bounce mailbox.
 *
 * @param key               what identifies the report itself: its Message-ID, else a hash of the mail
 * @param receivedAt        the report's Date (else Arrival-Date); null when it gives neither
 * @param returnedTo        the addresses the report was sent to (To, Delivered-To, X-Original-To, Envelope-To):
 *                          one of them is the VERP envelope sender of the reminder
 * @param originalMessageId the Message-ID of the returned message or headers; null when it left them out
 * @param recipients        the recipients' blocks, in the report's order
 */
public record DeliveryReport(String key, Instant receivedAt, List<String> returnedTo, String originalMessageId,
        List<RecipientStatus> recipients) {

    public DeliveryReport {
        returnedTo = List.copyOf(returnedTo);
        recipients = List.copyOf(recipients);
    }
}

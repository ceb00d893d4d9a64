package nl.dunwise.dunning.bounce;

import java.util.Locale;
import java.util.Optional;

/**
 * One recipient's block of a delivery status notification.
 *
 * @param recipient  the Final-Recipient (else Original-Recipient), without its address type
 * @param action     failed, delayed, delivered, relayed or expanded (lower case)
 * @param status     the enhanced status code, e.g. 5.1.1
 * @param diagnostic the remote server's answer (Diagnostic-Code), when the report gives it
 */
public record RecipientStatus(String recipient, String action, String status, String diagnostic) {

    /** Only failed and delayed deliveries are bounces; delivered, relayed and expanded ones are news of success. */
    public Optional<BounceKind> kind() {
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "failed" -> Optional.of(status.startsWith("5") ? BounceKind.HARD : BounceKind.SOFT);
            case "delayed" -> Optional.of(BounceKind.SOFT);
            default -> Optional.empty();
        };
    }

    /**
     * Whether the address itself is dead. A permanent refusal for policy or security (X.7.X: spam filter,
     * sender reputation, DMARC) says nothing against the mailbox, so it does not stop mail to it.
     */
    public boolean addressIsDead() {
        return kind().orElse(null) == BounceKind.HARD && !status.startsWith("5.7.");
    }
}

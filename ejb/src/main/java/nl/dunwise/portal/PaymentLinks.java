package nl.dunwise.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Payment links: {@code <payload>.<signature>}, the payload naming the division, the debtor and the
 * expiry, signed with HMAC-SHA256 under a server secret. Whoever holds the link sees that one debtor's
 * open items and nothing else, until it expires.
 */
@ApplicationScoped
public class PaymentLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String VERSION = "v1";

    private final byte[] secret;
    private final Duration validity;
    private final String portalUrl;
    private final Clock clock;

    @Inject
    public PaymentLinks(@ConfigProperty(name = "dunwise.portal.link-secret") Optional<String> secret,
            @ConfigProperty(name = "dunwise.portal.link-validity-days", defaultValue = "60") int validityDays,
            @ConfigProperty(name = "dunwise.portal.url") String portalUrl, Clock clock) {
        this.secret = secret.filter(s -> s.length() >= 16).map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
        this.validity = Duration.ofDays(validityDays);
        this.portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
        this.clock = clock;
    }

    PaymentLinks() {
        this(Optional.empty(), 60, "", Clock.systemUTC());
    }

    /** The full link to put in a reminder. */
    public String linkFor(int division, long debtorId) {
        return portalUrl + "/pay?t=" + tokenFor(division, debtorId, clock.instant().plus(validity));
    }

    public String tokenFor(int division, long debtorId, Instant expiresAt) {
        String payload = ENCODER.encodeToString((VERSION + ":" + division + ":" + debtorId + ":" + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** Checks signature and expiry; the answer says why a link is refused, so the debtor gets the right message. */
    public LinkCheck check(String token) {
        if (token == null || token.length() > 512) {
            return LinkCheck.invalid();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return LinkCheck.invalid();
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        String[] parts;
        try {
            signature = DECODER.decode(token.substring(dot + 1));
            parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split(":");
        } catch (IllegalArgumentException e) {
            return LinkCheck.invalid();
        }
        if (!MessageDigest.isEqual(sign(payload), signature) || parts.length != 4 || !VERSION.equals(parts[0])) {
            return LinkCheck.invalid();
        }
        try {
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[3]));
            DebtorRef debtor = new DebtorRef(Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
            return clock.instant().isBefore(expiresAt) ? LinkCheck.valid(debtor) : LinkCheck.expired(debtor);
        } catch (NumberFormatException e) {
            return LinkCheck.invalid();
        }
    }

    private byte[] sign(String payload) {
        if (secret == null) {
            throw new IllegalStateException("No secret to sign payment links: set DUNWISE_PORTAL_LINK_SECRET to a random string of at least 16 characters.");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

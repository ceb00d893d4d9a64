package nl.dunwise.dunning.bounce;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * VERP envelope senders: a reminder email goes out with the envelope sender (Return-Path)
 * {@code bounces+<reminder id>.<signature>@domain}, derived from {@code dunwise.mail.bounce-address}, so the
 * bounce comes back to an address that names the reminder even when the report itself lost the original
 * message. The signature (HMAC-SHA256 under the payment-link secret, truncated) keeps a forged report from
 * marking other reminders as bounced. Lower-case hex, since some servers lower-case the local part.
 */
@ApplicationScoped
public class BounceAddresses {

    private static final int SIGNATURE_HEX = 12;
    private static final Pattern VERP = Pattern.compile("([^@+]+)\\+(\\d{1,18})\\.([0-9a-f]{" + SIGNATURE_HEX + "})@(.+)");

    private final String localPart;
    private final String domain;
    private final byte[] key;

    @Inject
    public BounceAddresses(@ConfigProperty(name = "dunwise.mail.bounce-address") Optional<String> bounceAddress,
            @ConfigProperty(name = "dunwise.portal.link-secret") Optional<String> secret) {
        String address = bounceAddress.map(String::strip).filter(a -> a.indexOf('@') > 0).orElse(null);
        this.key = secret.filter(s -> s.length() >= 16).map(s -> ("bounce:" + s).getBytes(StandardCharsets.UTF_8)).orElse(null);
        if (address == null || key == null) {
            this.localPart = null;
            this.domain = null;
        } else {
            int at = address.lastIndexOf('@');
            this.localPart = address.substring(0, at);
            this.domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        }
    }

    BounceAddresses() {
        this(Optional.empty(), Optional.empty());
    }

    /** Without a bounce address (or a secret to sign it) reminders keep the mail session's sender. */
    public boolean isEnabled() {
        return localPart != null;
    }

    /** The envelope sender of the reminder's email; empty when VERP is off. */
    public Optional<String> envelopeSender(long reminderId) {
        if (!isEnabled()) {
            return Optional.empty();
        }
        return Optional.of(localPart + "+" + reminderId + "." + signature(reminderId) + "@" + domain);
    }

    /** The reminder an address of ours names, when its signature holds; any other address names none. */
    public OptionalLong reminderOf(String address) {
        if (!isEnabled() || address == null) {
            return OptionalLong.empty();
        }
        Matcher m = VERP.matcher(bare(address).toLowerCase(Locale.ROOT));
        if (!m.matches() || !m.group(1).equalsIgnoreCase(localPart) || !m.group(4).equals(domain)) {
            return OptionalLong.empty();
        }
        long reminderId = Long.parseLong(m.group(2));
        boolean genuine = MessageDigest.isEqual(signature(reminderId).getBytes(StandardCharsets.US_ASCII),
                m.group(3).getBytes(StandardCharsets.US_ASCII));
        return genuine ? OptionalLong.of(reminderId) : OptionalLong.empty();
    }

    /** "Name <a@b>", "<a@b>" and "rfc822; a@b" all come down to a@b. */
    private static String bare(String address) {
        String s = address.strip();
        int semicolon = s.indexOf(';');
        if (semicolon >= 0 && s.indexOf('@') > semicolon) {
            s = s.substring(semicolon + 1).strip();
        }
        int open = s.lastIndexOf('<');
        int close = s.lastIndexOf('>');
        return open >= 0 && close > open ? s.substring(open + 1, close).strip() : s;
    }

    private String signature(long reminderId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(Long.toString(reminderId).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest).substring(0, SIGNATURE_HEX);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

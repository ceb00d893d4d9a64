package nl.dunwise.exact.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Exact signs a webhook message {@code {"Content":{..},"HashCode":"<hex>"}} with HMAC-SHA256 over the
 * exact text of the Content object, keyed with the app's webhook secret, in upper-case hex. The text is
 * cut out of the raw body rather than re-serialised, so that spacing or member order cannot break it.
 */
public final class WebhookSignature {

    private static final Pattern MESSAGE = Pattern.compile("^\\{\"Content\":(.*),\"HashCode\":\"([0-9A-Fa-f]{64})\"}$",
            Pattern.DOTALL);

    private WebhookSignature() {
    }

    /** The Content text when the HashCode is right for {@code secret}; empty for anything else. */
    public static Optional<String> verifiedContent(String body, String secret) {
        if (body == null || secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = MESSAGE.matcher(body.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        byte[] expected = hmac(m.group(1), secret);
        byte[] given = HexFormat.of().parseHex(m.group(2));
        // Constant time: a timing difference must not tell an attacker how much of a guess was right.
        return MessageDigest.isEqual(expected, given) ? Optional.of(m.group(1)) : Optional.empty();
    }

    static byte[] hmac(String content, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

package nl.dunwise.sandbox.exact.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Exact's signature of a webhook message: HMAC-SHA256 over the exact text of the {@code Content} object,
 * keyed with the app's webhook secret, in upper-case hex. The message is written so that this text is a
 * literal substring of the body, {@code {"Content":<content>,"HashCode":"<hex>"}}, which is what receivers
 * (picqer/exact-php-client's Authenticatable) cut out and hash.
 */
public final class HashCode {

    private HashCode() {
    }

    public static String of(String content, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8))).toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The body Exact posts: the content as is, then its HashCode. */
    public static String message(String content, String secret) {
        return "{\"Content\":" + content + ",\"HashCode\":\"" + of(content, secret) + "\"}";
    }
}

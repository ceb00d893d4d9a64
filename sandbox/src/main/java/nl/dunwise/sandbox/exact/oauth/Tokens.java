package nl.dunwise.sandbox.exact.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes opaque tokens and codes, and the hashes under which they are stored: the database never holds
 * a usable token. Codes and refresh tokens contain a {@code !}, as Exact's do, so a client that forgets
 * to URL-encode them on the way back fails here and not only in production.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String newAccessToken() {
        return "sbxA" + random(48);
    }

    public static String newRefreshToken() {
        return "sbxR!" + random(32);
    }

    public static String newCode() {
        return "sbxC!" + random(32);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String hash(String token) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

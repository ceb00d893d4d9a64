package nl.dunwise.exact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts OAuth tokens before they reach the database (AES-256-GCM, random 96-bit nonce stored in
 * front of the ciphertext), so that a database dump does not hand out access to the books.
 */
@ApplicationScoped
public class TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    @Inject
    public TokenCipher(@ConfigProperty(name = "dunwise.crypto.token-key") Optional<String> base64Key) {
        this.key = base64Key.map(TokenCipher::keyFrom).orElse(null);
    }

    TokenCipher() {
        this.key = null;
    }

    static SecretKey keyFrom(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new ExactNotConfiguredException("dunwise.crypto.token-key is not valid base64: set DUNWISE_CRYPTO_TOKEN_KEY to 32 random bytes in base64.");
        }
        if (bytes.length != 32) {
            throw new ExactNotConfiguredException("dunwise.crypto.token-key must be 32 bytes (AES-256), it has " + bytes.length + ": set DUNWISE_CRYPTO_TOKEN_KEY to 32 random bytes in base64.");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public byte[] encrypt(String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a token", e);
        }
    }

    public String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new ExactNotConfiguredException("The stored Exact Online tokens cannot be decrypted with the configured key (was DUNWISE_CRYPTO_TOKEN_KEY changed?): reconnect Exact Online.");
        }
    }

    private SecretKey requireKey() {
        if (key == null) {
            throw new ExactNotConfiguredException("No key to encrypt Exact Online tokens: set DUNWISE_CRYPTO_TOKEN_KEY to 32 random bytes in base64.");
        }
        return key;
    }
}

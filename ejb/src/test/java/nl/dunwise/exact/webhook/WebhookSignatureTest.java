package nl.dunwise.exact.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "demo-only-exact-webhook-secret";
    private static final String CONTENT = "{\"Topic\":\"Accounts\",\"ClientId\":\"app\",\"Division\":3124567,"
            + "\"Action\":\"Update\",\"Key\":\"0b0a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d\",\"ExactOnlineEndpoint\":"
            + "\"https://start.exactonline.nl/api/v1/3124567/crm/Accounts(guid'0b0a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d')\","
            + "\"EventCreatedOn\":\"2026-11-25T10:15:30.123Z\"}";

    private static String signed(String content, String secret) {
        String hash = HexFormat.of().formatHex(WebhookSignature.hmac(content, secret)).toUpperCase(Locale.ROOT);
        return "{\"Content\":" + content + ",\"HashCode\":\"" + hash + "\"}";
    }

    @Test
    void theHmacIsSha256AsPublished() {
        // RFC 4231, test case 2: the HashCode of Exact is this HMAC in upper-case hex.
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HexFormat.of().formatHex(WebhookSignature.hmac("what do ya want for nothing?", "Jefe")));
    }

    @Test
    void aCorrectlySignedMessageYieldsItsContentVerbatim() {
        assertEquals(Optional.of(CONTENT), WebhookSignature.verifiedContent(signed(CONTENT, SECRET), SECRET));
    }

    @Test
    void tamperedContentIsRefused() {
        String message = signed(CONTENT, SECRET).replace("\"Update\"", "\"Delete\"");
        assertEquals(Optional.empty(), WebhookSignature.verifiedContent(message, SECRET));
    }

    @Test
    void aMessageSignedWithAnotherSecretIsRefused() {
        assertEquals(Optional.empty(), WebhookSignature.verifiedContent(signed(CONTENT, "someone-elses-secret"), SECRET));
    }

    @Test
    void aMissingHashCodeOrSecretIsRefused() {
        assertEquals(Optional.empty(), WebhookSignature.verifiedContent("{\"Content\":" + CONTENT + "}", SECRET));
        assertEquals(Optional.empty(), WebhookSignature.verifiedContent(
                "{\"Content\":" + CONTENT + ",\"HashCode\":\"\"}", SECRET));
        assertEquals(Optional.empty(), WebhookSignature.verifiedContent(signed(CONTENT, SECRET), ""));
        assertEquals(Optional.empty(), WebhookSignature.verifiedContent(signed(CONTENT, SECRET), null));
    }
}

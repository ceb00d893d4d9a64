package nl.dunwise.sandbox.exact.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HashCodeTest {

    private static final String SECRET = "demo-only-exact-webhook-secret";

    @Test
    void isHmacSha256InUpperCaseHex() {
        // RFC 4231, test case 2.
        assertEquals("5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843",
                HashCode.of("what do ya want for nothing?", "Jefe"));
    }

    @Test
    void messageCarriesTheContentVerbatimSoAReceiverCanCutItOutAndHashIt() {
        WebhookEvent event = new WebhookEvent("Accounts", "c0ffee00-0000-4000-8000-000000000001", 3124567, "Update",
                UUID.fromString("0b0a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d"),
                "http://127.0.0.1:8080/exact-sandbox/api/v1/3124567/crm/Accounts(guid'0b0a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d')",
                Instant.parse("2026-11-25T10:15:30.123456Z"));
        String message = HashCode.message(event.contentJson(), SECRET);

        // The rule receivers apply (picqer/exact-php-client's Authenticatable).
        Matcher m = Pattern.compile("^\\{\"Content\":(.*),\"HashCode\":\"(.*)\"}$").matcher(message);
        assertTrue(m.matches(), message);
        assertEquals(event.contentJson(), m.group(1));
        assertEquals(HashCode.of(m.group(1), SECRET), m.group(2));
        assertNotEquals(HashCode.of(m.group(1), "another-secret"), m.group(2));
    }

    @Test
    void contentListsTheMembersInExactsOrderWithTheDivisionAsANumber() {
        WebhookEvent event = new WebhookEvent("FinancialTransactions", "app", 42, "Create",
                UUID.fromString("00000000-0000-4000-8000-000000000001"), "http://x/api/v1/42/financialtransaction/"
                + "Transactions(guid'00000000-0000-4000-8000-000000000001')", Instant.parse("2026-01-02T03:04:05Z"));
        assertEquals("{\"Topic\":\"FinancialTransactions\",\"ClientId\":\"app\",\"Division\":42,\"Action\":\"Create\","
                + "\"Key\":\"00000000-0000-4000-8000-000000000001\",\"ExactOnlineEndpoint\":\"http://x/api/v1/42/"
                + "financialtransaction/Transactions(guid'00000000-0000-4000-8000-000000000001')\","
                + "\"EventCreatedOn\":\"2026-01-02T03:04:05Z\"}", event.contentJson());
    }
}

package nl.dunwise.exact.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import nl.dunwise.exact.client.MalformedRecordException;
import org.junit.jupiter.api.Test;

class WebhookEventTest {

    private static String content(String division, String action, String createdOn) {
        return "{\"Topic\":\"FinancialTransactions\",\"ClientId\":\"app\",\"Division\":" + division + ",\"Action\":\""
                + action + "\",\"Key\":\"00000000-0000-4000-8000-000000000001\",\"ExactOnlineEndpoint\":\"x\","
                + "\"EventCreatedOn\":\"" + createdOn + "\"}";
    }

    @Test
    void readsTopicDivisionActionKeyAndMomentInEveryDateFormExactMightUse() {
        WebhookEvent expected = new WebhookEvent("FinancialTransactions", 3124567, "Create",
                UUID.fromString("00000000-0000-4000-8000-000000000001"), Instant.parse("2026-11-25T10:15:30.123Z"));
        assertEquals(expected, WebhookEvent.parse(content("3124567", "Create", "2026-11-25T10:15:30.123Z")));
        assertEquals(expected, WebhookEvent.parse(content("\"3124567\"", "Create", "2026-11-25T11:15:30.123+01:00")));
        assertEquals(expected, WebhookEvent.parse(content("3124567", "Create", "2026-11-25T10:15:30.123")));
        assertEquals(expected, WebhookEvent.parse(content("3124567", "Create", "/Date(1795601730123)/")));
    }

    @Test
    void refusesContentItCannotTrust() {
        assertThrows(MalformedRecordException.class, () -> WebhookEvent.parse(content("3124567", "Merge", "2026-11-25T10:15:30Z")));
        assertThrows(MalformedRecordException.class, () -> WebhookEvent.parse(content("3124567", "Update", "yesterday")));
        assertThrows(MalformedRecordException.class, () -> WebhookEvent.parse(content("\"x\"", "Update", "2026-11-25T10:15:30Z")));
        assertThrows(MalformedRecordException.class, () -> WebhookEvent.parse("[]"));
    }
}

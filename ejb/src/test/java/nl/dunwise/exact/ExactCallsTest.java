package nl.dunwise.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import nl.dunwise.exact.client.ExactApiException;
import org.junit.jupiter.api.Test;

/** A 401 gets one forced refresh and one retry; anything else, and a second 401, reaches the caller. */
class ExactCallsTest {

    private final List<String> tokensUsed = new ArrayList<>();
    private int refreshes;

    private String refreshed() {
        refreshes++;
        return "fresh";
    }

    @Test
    void aRefusedTokenIsRefreshedOnceAndTheCallRepeatedWithTheNewOne() {
        String answer = ExactCalls.withToken(() -> "stale", this::refreshed, token -> {
            tokensUsed.add(token);
            if (token.equals("stale")) {
                throw new ExactApiException(401, "refused");
            }
            return "page";
        });
        assertEquals("page", answer);
        assertEquals(List.of("stale", "fresh"), tokensUsed);
        assertEquals(1, refreshes);
    }

    @Test
    void aSecondRefusalIsNotRetriedAgain() {
        ExactApiException e = assertThrows(ExactApiException.class, () -> ExactCalls.withToken(() -> "stale",
                this::refreshed, token -> {
                    tokensUsed.add(token);
                    throw new ExactApiException(401, "refused");
                }));
        assertEquals(401, e.status());
        assertEquals(List.of("stale", "fresh"), tokensUsed);
    }

    @Test
    void otherFailuresNeitherRefreshNorRetry() {
        assertThrows(ExactApiException.class, () -> ExactCalls.withToken(() -> "good", this::refreshed, token -> {
            tokensUsed.add(token);
            throw new ExactApiException(503, "unavailable");
        }));
        assertEquals(List.of("good"), tokensUsed);
        assertEquals(0, refreshes);
    }
}

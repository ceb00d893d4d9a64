package nl.dunwise.sandbox.exact.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DeliveryPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void sendsOldestFirstByDefault() {
        assertEquals(List.of(1, 2, 3), DeliveryPlan.arrange(List.of(1, 2, 3), false, false));
    }

    @Test
    void duplicateSwitchSendsEachDeliveryTwice() {
        assertEquals(List.of(1, 1, 2, 2), DeliveryPlan.arrange(List.of(1, 2), true, false));
    }

    @Test
    void outOfOrderSwitchSendsNewestFirst() {
        assertEquals(List.of(3, 2, 1), DeliveryPlan.arrange(List.of(1, 2, 3), false, true));
        assertEquals(List.of(2, 2, 1, 1), DeliveryPlan.arrange(List.of(1, 2), true, true));
    }

    @Test
    void failedDeliveriesAreRetriedWithGrowingPausesThenGivenUp() {
        assertEquals(Optional.of(NOW.plusSeconds(2)), DeliveryPlan.retryAt(1, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(8)), DeliveryPlan.retryAt(2, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(128)), DeliveryPlan.retryAt(4, NOW));
        assertEquals(Optional.empty(), DeliveryPlan.retryAt(DeliveryPlan.MAX_ATTEMPTS, NOW));
    }
}

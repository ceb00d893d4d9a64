package nl.dunwise.exact;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DivisionTest {

    private static final Instant ADDED = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void aDivisionManagedAgainAfterASwitchOffNeedsNoDefaultsASecondTime() {
        Division division = new Division(1001, 1L, "Dunwise Demo BV", "EUR", "NL", ADDED);

        division.unmanage();
        assertFalse(division.isManaged());

        assertFalse(division.manage(ADDED.plusSeconds(3600)), "it got its defaults when it was added");
        assertTrue(division.isManaged());
    }
}

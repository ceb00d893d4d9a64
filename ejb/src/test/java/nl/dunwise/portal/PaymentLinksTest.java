package nl.dunwise.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private PaymentLinks links(String secret, Instant now) {
        return new PaymentLinks(Optional.of(secret), 60, "https://pay.example/portal/", Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aLinkAdmitsExactlyTheDebtorItWasMadeFor() {
        PaymentLinks links = links("a-secret-of-enough-length", NOW);
        String link = links.linkFor(3124567, 42);
        assertTrue(link.startsWith("https://pay.example/portal/pay?t="));
        LinkCheck check = links.check(link.substring(link.indexOf("t=") + 2));
        assertEquals(LinkCheck.Verdict.VALID, check.verdict());
        assertEquals(new DebtorRef(3124567, 42), check.debtor());
    }

    @Test
    void anExpiredLinkIsRefusedButStillNamesItsDebtor() {
        String token = links("a-secret-of-enough-length", NOW).tokenFor(1, 7, NOW.plus(Duration.ofDays(1)));
        LinkCheck check = links("a-secret-of-enough-length", NOW.plus(Duration.ofDays(2))).check(token);
        assertEquals(LinkCheck.Verdict.EXPIRED, check.verdict());
        assertTrue(check.validDebtor().isEmpty());
    }

    @Test
    void aLinkForAnotherDebtorCannotBeMadeByEditingThePayload() {
        PaymentLinks links = links("a-secret-of-enough-length", NOW);
        String token = links.tokenFor(1, 7, NOW.plus(Duration.ofDays(1)));
        String forged = links("another-secret-entirely", NOW).tokenFor(1, 8, NOW.plus(Duration.ofDays(1)));
        String spliced = forged.substring(0, forged.indexOf('.')) + token.substring(token.indexOf('.'));
        assertEquals(LinkCheck.Verdict.INVALID, links.check(spliced).verdict());
        assertEquals(LinkCheck.Verdict.INVALID, links.check(forged).verdict());
    }

    @Test
    void garbageIsInvalidNotAnError() {
        PaymentLinks links = links("a-secret-of-enough-length", NOW);
        for (String junk : new String[] {null, "", ".", "abc", "abc.", ".abc", "%%%.***", "a".repeat(600)}) {
            assertEquals(LinkCheck.Verdict.INVALID, links.check(junk).verdict(), String.valueOf(junk));
        }
    }
}

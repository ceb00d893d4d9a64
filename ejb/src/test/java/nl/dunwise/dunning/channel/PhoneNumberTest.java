package nl.dunwise.dunning.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    private static String e164(String raw, String country) {
        return PhoneNumber.parse(raw, country).map(PhoneNumber::e164).orElse("none");
    }

    @Test
    void dutchNumbersAsPeopleTypeThemBecomeE164() {
        assertEquals("+31612345678", e164("06-12345678", "NL"));
        assertEquals("+31612345678", e164("06 1234 5678", "NL"));
        assertEquals("+31612345678", e164("+31 (0)6 12 34 56 78", "NL"));
        assertEquals("+31612345678", e164("0031 6 12345678", "NL"));
        assertEquals("+31612345678", e164("+31612345678", null));
        assertEquals("+31201234567", e164("020 - 123 45 67", "NL"));
    }

    @Test
    void aNationalNumberIsPlacedByTheAccountsCountry() {
        assertEquals("+32470123456", e164("0470 12 34 56", "BE"));
        assertEquals("+4915112345678", e164("0151 12345678", "de"));
        assertEquals("none", e164("0612345678", null), "without a country a national number is ambiguous");
        assertEquals("none", e164("0612345678", "US"), "a country whose trunk prefix we do not know");
    }

    @Test
    void whatCannotBeAPhoneNumberIsRefused() {
        assertEquals("none", e164("call the office", "NL"));
        assertEquals("none", e164("06-1234567", "NL"), "a Dutch number has nine digits after +31");
        assertEquals("none", e164("+31 6 12345678 9", "NL"));
        assertEquals("none", e164("12345678", "NL"), "digits without a prefix");
        assertEquals("none", e164("", "NL"));
        assertEquals("none", e164(null, "NL"));
    }

    @Test
    void onlyMobileNumbersCanTakeAnSms() {
        assertTrue(new PhoneNumber("+31612345678").canReceiveSms());
        assertFalse(new PhoneNumber("+31201234567").canReceiveSms(), "an Amsterdam landline");
        assertFalse(new PhoneNumber("+31661234567").canReceiveSms(), "066 is for pagers");
        assertTrue(new PhoneNumber("+32470123456").canReceiveSms());
        assertFalse(new PhoneNumber("+3221234567").canReceiveSms(), "a Brussels landline");
        assertTrue(new PhoneNumber("+447700900123").canReceiveSms(), "where we cannot tell, the gateway decides");
    }

    @Test
    void theFirstMobileAmongTheCandidatesIsChosen() {
        assertEquals(Optional.of(new PhoneNumber("+31687654321")),
                PhoneNumber.firstMobile("NL", null, "020-1234567", "06-87654321"));
        assertEquals(Optional.empty(), PhoneNumber.firstMobile("NL", "020-1234567", null, "n/a"));
    }

    @Test
    void messageBirdTakesTheDigitsWithoutPlus() {
        assertEquals("31612345678", new PhoneNumber("+31612345678").msisdn());
    }
}

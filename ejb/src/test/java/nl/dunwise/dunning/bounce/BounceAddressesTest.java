package nl.dunwise.dunning.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** VERP envelope senders: the reminder in the address, signed, found again however the address comes back. */
class BounceAddressesTest {

    private static final BounceAddresses ADDRESSES = new BounceAddresses(Optional.of("Bounces@Dunwise.example"),
            Optional.of("a-secret-of-at-least-16-chars"));

    @Test
    void eachReminderGetsASignedAddressOfItsOwn() {
        String address = ADDRESSES.envelopeSender(42).orElseThrow();
        assertTrue(address.matches("Bounces\\+42\\.[0-9a-f]{12}@dunwise\\.example"), address);
        assertEquals(OptionalLong.of(42), ADDRESSES.reminderOf(address));
        assertEquals(OptionalLong.of(42), ADDRESSES.reminderOf("Mail Delivery <" + address.toUpperCase() + ">"));
        assertEquals(OptionalLong.of(42), ADDRESSES.reminderOf("rfc822; " + address));
    }

    @Test
    void anAddressWithAnotherReminderOrSignatureNamesNone() {
        String address = ADDRESSES.envelopeSender(42).orElseThrow();
        assertEquals(OptionalLong.empty(), ADDRESSES.reminderOf(address.replace("+42.", "+43.")));
        assertEquals(OptionalLong.empty(), new BounceAddresses(Optional.of("bounces@dunwise.example"),
                Optional.of("another-secret-of-16-chars")).reminderOf(address));
        assertEquals(OptionalLong.empty(), ADDRESSES.reminderOf(address.replace("dunwise.example", "elsewhere.example")));
        assertEquals(OptionalLong.empty(), ADDRESSES.reminderOf("noreply@dunwise.example"));
    }

    @Test
    void withoutABounceAddressOrSecretRemindersKeepTheSessionsSender() {
        assertFalse(new BounceAddresses(Optional.empty(), Optional.of("a-secret-of-at-least-16-chars")).isEnabled());
        assertEquals(Optional.empty(), new BounceAddresses(Optional.of("bounces@dunwise.example"), Optional.empty()).envelopeSender(1));
    }
}

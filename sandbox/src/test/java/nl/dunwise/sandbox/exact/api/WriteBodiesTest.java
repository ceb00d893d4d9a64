package nl.dunwise.sandbox.exact.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The write bodies are refused exactly where Exact would refuse them, with a 400 and a readable reason. */
class WriteBodiesTest {

    private static final String ACCOUNT = "5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11";

    private static ExactApiException refused(Runnable parse) {
        ExactApiException e = assertThrows(ExactApiException.class, parse::run);
        assertEquals(400, e.status());
        return e;
    }

    @Test
    void aNoteNeedsAnAccountGuidAndASubject() {
        WriteBodies.Note note = WriteBodies.note("{\"Account\":\"" + ACCOUNT + "\",\"Subject\":\"Reminder\",\"Notes\":\"2 invoices\"}");
        assertEquals(UUID.fromString(ACCOUNT), note.account());
        assertEquals("Reminder", note.subject());
        assertEquals("2 invoices", note.notes());
        assertNull(note.contact());

        assertTrue(refused(() -> WriteBodies.note("{\"Subject\":\"x\"}")).getMessage().contains("Account"));
        assertTrue(refused(() -> WriteBodies.note("{\"Account\":\"" + ACCOUNT + "\",\"Subject\":\" \"}")).getMessage().contains("Subject"));
        assertTrue(refused(() -> WriteBodies.note("{\"Account\":\"1000\",\"Subject\":\"x\"}")).getMessage().contains("Edm.Guid"));
        refused(() -> WriteBodies.note("{\"Account\":\"" + ACCOUNT + "\",\"Subject\":\"" + "x".repeat(201) + "\"}"));
    }

    @Test
    void aNoteWithAPropertyTheTypeLacksOrAReadOnlyOneIsRefused() {
        assertTrue(refused(() -> WriteBodies.note("{\"Account\":\"" + ACCOUNT + "\",\"Subject\":\"x\",\"Colour\":\"red\"}"))
                .getMessage().contains("does not exist on type"));
        assertTrue(refused(() -> WriteBodies.note("{\"Account\":\"" + ACCOUNT + "\",\"Subject\":\"x\",\"ID\":\"" + ACCOUNT + "\"}"))
                .getMessage().contains("read-only"));
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        refused(() -> WriteBodies.note("Subject=x"));
        refused(() -> WriteBodies.note("[]"));
        refused(() -> WriteBodies.accountChange(""));
    }

    @Test
    void anAccountChangeSetsBlockedAndOrTheCreditLine() {
        WriteBodies.AccountChange hold = WriteBodies.accountChange("{\"Blocked\":true}");
        assertEquals(Boolean.TRUE, hold.blocked());
        assertNull(hold.creditLineSales(), "the credit line is left alone");

        WriteBodies.AccountChange line = WriteBodies.accountChange("{\"CreditLineSales\":2500.00}");
        assertNull(line.blocked());
        assertEquals(Optional.of(new BigDecimal("2500.00")), line.creditLineSales());

        assertEquals(Optional.empty(), WriteBodies.accountChange("{\"CreditLineSales\":null}").creditLineSales(),
                "null clears the credit line");
    }

    @Test
    void anAccountChangeOfTheWrongTypeOrOfAnotherFieldOrOfNothingIsRefused() {
        refused(() -> WriteBodies.accountChange("{\"Blocked\":\"yes\"}"));
        refused(() -> WriteBodies.accountChange("{\"CreditLineSales\":-1}"));
        assertTrue(refused(() -> WriteBodies.accountChange("{\"Name\":\"Other\"}")).getMessage().contains("only changes"));
        assertTrue(refused(() -> WriteBodies.accountChange("{\"Nmae\":\"Other\"}")).getMessage().contains("does not exist"));
        refused(() -> WriteBodies.accountChange("{}"));
    }

    @Test
    void aRecordKeyIsAGuidInODataForm() {
        assertEquals(UUID.fromString(ACCOUNT), ApiV1Resource.guidKey("(guid'" + ACCOUNT + "')"));
        refused(() -> ApiV1Resource.guidKey("(" + ACCOUNT + ")"));
        refused(() -> ApiV1Resource.guidKey("(guid'1000')"));
    }
}

package nl.dunwise.sandbox.exact.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AccountCodeTest {

    @Test
    void rightAlignedTo18() {
        assertEquals("              1000", AccountCode.pad("1000"));
        assertEquals(18, AccountCode.pad("1").length());
        assertEquals("123456789012345678", AccountCode.pad("123456789012345678"));
        assertEquals("              1000", AccountCode.pad("  1000 "), "padding is idempotent on a padded code");
        assertEquals("              1000", AccountCode.pad(AccountCode.pad("1000")));
    }

    @Test
    void refusesEmptyOrTooLong() {
        assertThrows(IllegalArgumentException.class, () -> AccountCode.pad(" "));
        assertThrows(IllegalArgumentException.class, () -> AccountCode.pad("1234567890123456789"));
    }

    @Test
    void sqlTwin() {
        assertEquals("lpad(code, 18)", AccountCode.padSql("code"));
    }

    @Test
    void syncSchemasStartWithTimestampAndHaveID() {
        for (Entities.SyncEntity e : Entities.SYNC) {
            assertEquals("Timestamp", e.schema().fields().get(0).name(), e.path());
            e.schema().require("ID");
            e.schema().fields().forEach(f -> assertEquals(true, f.sql() != null, f.name()));
        }
    }
}

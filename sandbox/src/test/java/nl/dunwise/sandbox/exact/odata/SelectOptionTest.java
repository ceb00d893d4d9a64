package nl.dunwise.sandbox.exact.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SelectOptionTest {

    private static List<String> names(String select) {
        return SelectOption.parse(select, TestSchemas.ACCOUNT).stream().map(Field::name).toList();
    }

    @Test
    void keepsSchemaOrderWhateverTheRequestOrder() {
        assertEquals(List.of("Timestamp", "Code", "ID", "Name"), names("Name, ID,Timestamp ,Code"));
    }

    @Test
    void absentOrStarMeansAll() {
        assertEquals(TestSchemas.ACCOUNT.fields().size(), names(null).size());
        assertEquals(TestSchemas.ACCOUNT.fields().size(), names("").size());
        assertEquals(TestSchemas.ACCOUNT.fields().size(), names("*").size());
    }

    @Test
    void duplicatesCollapse() {
        assertEquals(List.of("ID"), names("ID,ID"));
    }

    @Test
    void unknownFieldIsA400() {
        ODataException e = assertThrows(ODataException.class, () -> names("ID,Nmae"));
        assertTrue(e.getMessage().contains("No property 'Nmae'"), e.getMessage());
        assertThrows(ODataException.class, () -> names("id"));
        assertThrows(ODataException.class, () -> names("ID,,Name"));
        assertThrows(ODataException.class, () -> names("Account/Name"));
    }
}

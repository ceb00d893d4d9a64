package nl.dunwise.exact.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Contacts, transaction lines and deletions as Exact sends them, and what a page does with records it cannot read. */
class NewSyncRecordsTest {

    private static final String ACCOUNT = "5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11";

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    private static List<JsonObject> page(String... records) {
        return java.util.Arrays.stream(records).map(NewSyncRecordsTest::json).toList();
    }

    @Test
    void aContactKeepsItsAccountAndTreatsBlankFieldsAsAbsent() {
        ContactRecord c = ContactRecord.parse(json("""
                {"ID":"8b0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11","Account":"%s","FullName":"Anna de Vries",
                 "FirstName":"Anna","LastName":"de Vries","Email":" anna@bakkerij.example ","Phone":"",
                 "Mobile":null,"IsMainContact":true,"Timestamp":"3000000010"}
                """.formatted(ACCOUNT)));
        assertEquals(UUID.fromString(ACCOUNT), c.account());
        assertEquals("anna@bakkerij.example", c.email());
        assertNull(c.phone());
        assertNull(c.mobile());
        assertTrue(c.mainContact());
        assertEquals(3000000010L, c.timestamp());
    }

    @Test
    void contactsWithoutAnAccountOrWithABadFlagAreSkippedAndCounted() {
        ParsedPage<ContactRecord> parsed = ContactRecord.parseAll(page(
                "{\"ID\":\"8b0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Account\":\"" + ACCOUNT + "\",\"Timestamp\":\"11\"}",
                "{\"ID\":\"9b0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Timestamp\":\"12\"}",
                "{\"ID\":\"ab0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Account\":\"" + ACCOUNT + "\",\"IsMainContact\":\"yes\",\"Timestamp\":\"13\"}"));
        assertEquals(1, parsed.rows().size());
        assertEquals(2, parsed.malformed());
        assertEquals(13, parsed.maxTimestamp().getAsLong());
    }

    @Test
    void aCustomerLineOfABankEntryIsAPaymentOfItsInvoice() {
        TransactionLineRecord line = TransactionLineRecord.parse(json("""
                {"ID":"cb0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11","Account":"%s","AmountDC":-250.50,
                 "Date":"/Date(1764547200000)/","InvoiceNumber":20260001,"Type":40,"Timestamp":"3000000020"}
                """.formatted(ACCOUNT)));
        assertTrue(line.isPayment());
        assertEquals("20260001", line.invoiceNumber());
        assertEquals(new BigDecimal("250.50"), line.paidAmount(), "the customer's credit line is money received");
        assertEquals(LocalDate.of(2025, 12, 1), line.date());
    }

    @Test
    void salesLinesAndBankLinesWithoutAnInvoiceAreNoPayments() {
        ParsedPage<TransactionLineRecord> parsed = TransactionLineRecord.parseAll(page(
                "{\"ID\":\"db0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Account\":\"" + ACCOUNT + "\",\"AmountDC\":121.0,"
                        + "\"Date\":\"/Date(1764547200000)/\",\"InvoiceNumber\":20260001,\"Type\":20,\"Timestamp\":\"21\"}",
                "{\"ID\":\"eb0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Account\":\"" + ACCOUNT + "\",\"AmountDC\":-121.0,"
                        + "\"Date\":\"/Date(1764547200000)/\",\"InvoiceNumber\":null,\"Type\":40,\"Timestamp\":\"22\"}",
                "{\"ID\":\"fb0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"AmountDC\":-121.0,\"Type\":40,\"Timestamp\":\"23\"}"));
        assertEquals(3, parsed.rows().size());
        assertEquals(0, parsed.malformed());
        assertFalse(parsed.rows().stream().anyMatch(TransactionLineRecord::isPayment));
    }

    @Test
    void aPaymentLineWithoutDateOrWithAFractionalTypeIsSkippedAndCounted() {
        ParsedPage<TransactionLineRecord> parsed = TransactionLineRecord.parseAll(page(
                "{\"ID\":\"cb0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Account\":\"" + ACCOUNT + "\",\"AmountDC\":-1,"
                        + "\"InvoiceNumber\":7,\"Type\":40,\"Timestamp\":\"30\"}",
                "{\"ID\":\"db0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Type\":40.5,\"Timestamp\":\"31\"}",
                "{\"ID\":\"eb0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Account\":\"not-a-guid\",\"Type\":40,\"Timestamp\":\"32\"}",
                "{\"ID\":\"fb0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Account\":\"" + ACCOUNT + "\",\"AmountDC\":-1,"
                        + "\"Date\":\"/Date(1764547200000)/\",\"InvoiceNumber\":\"8\",\"Type\":40,\"Timestamp\":\"33\"}"));
        assertEquals(1, parsed.rows().size());
        assertEquals(3, parsed.malformed());
        assertEquals("8", parsed.rows().get(0).invoiceNumber());
    }

    @Test
    void aDeletionNamesTheKindAndKeyOfTheDeletedRecord() {
        DeletionRecord d = DeletionRecord.parse(json("""
                {"EntityKey":"%s","EntityType":2,"DeletedDate":"/Date(1764547200000)/","Timestamp":"3000000040"}
                """.formatted(ACCOUNT)));
        assertEquals(DeletionRecord.ACCOUNT, d.entityType());
        assertEquals(Instant.parse("2025-12-01T00:00:00Z"), d.deletedAt());
    }

    @Test
    void deletionsWithoutAKeyOrKindAreSkippedAndTheSameKeyOfTwoKindsIsKeptTwice() {
        ParsedPage<DeletionRecord> parsed = DeletionRecord.parseAll(page(
                "{\"EntityKey\":\"" + ACCOUNT + "\",\"EntityType\":2,\"Timestamp\":\"41\"}",
                "{\"EntityKey\":\"" + ACCOUNT + "\",\"EntityType\":5,\"Timestamp\":\"42\"}",
                "{\"EntityKey\":\"" + ACCOUNT + "\",\"Timestamp\":\"43\"}",
                "{\"EntityType\":10,\"Timestamp\":\"44\"}",
                "{\"EntityKey\":\"" + ACCOUNT + "\",\"EntityType\":2,\"Timestamp\":\"not a number\"}"));
        assertEquals(2, parsed.rows().size());
        assertEquals(3, parsed.malformed());
        assertEquals(44, parsed.maxTimestamp().getAsLong(), "a record whose Timestamp is unreadable does not move the position");
    }
}

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

/** Contacts, transaction lines, sales invoices, attachments and deletions as Exact sends them, and what a page does with records it cannot read. */
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

    @Test
    void aSalesInvoiceIsKeptOncePerInvoiceIdThoughExactSendsOneRecordPerLine() {
        String invoice = "7d0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11";
        ParsedPage<SalesInvoiceRecord> parsed = SalesInvoiceRecord.parseAll(page(
                "{\"ID\":\"1d0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"InvoiceID\":\"" + invoice + "\",\"InvoiceNumber\":20260042,"
                        + "\"YourRef\":\"PO-1\",\"Document\":null,\"OrderDate\":\"/Date(1759276800000)/\",\"Status\":50,\"Timestamp\":\"21\"}",
                "{\"ID\":\"2d0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"InvoiceID\":\"" + invoice + "\",\"InvoiceNumber\":20260042,"
                        + "\"YourRef\":\" PO-2 \",\"Document\":\"" + ACCOUNT + "\",\"Status\":50,\"Timestamp\":\"22\"}",
                "{\"ID\":\"3d0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"InvoiceNumber\":20260043,\"Timestamp\":\"23\"}"));
        assertEquals(1, parsed.rows().size(), "both lines are one invoice");
        SalesInvoiceRecord r = parsed.rows().get(0);
        assertEquals("20260042", r.invoiceNumber());
        assertEquals("PO-2", r.yourRef(), "the newest line's header wins");
        assertEquals(UUID.fromString(ACCOUNT), r.document());
        assertEquals(1, parsed.malformed(), "a line without InvoiceID cannot be kept");
        assertEquals(23, parsed.maxTimestamp().getAsLong());
        assertNull(SalesInvoiceRecord.parse(json("{\"InvoiceID\":\"" + invoice + "\",\"Document\":\"\",\"Timestamp\":\"1\"}"))
                .document(), "an invoice never printed has no document");
    }

    @Test
    void anAttachmentNeedsItsDownloadAddress() {
        ParsedPage<DocumentAttachmentRecord> parsed = DocumentAttachmentRecord.parseAll(page(
                "{\"ID\":\"4d0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Document\":\"" + ACCOUNT + "\",\"FileName\":\"Factuur 1.pdf\","
                        + "\"FileSize\":2411.0,\"Url\":\"https://start.exactonline.nl/docs/SysAttachment.aspx?ID=x\",\"Timestamp\":\"31\"}",
                "{\"ID\":\"5d0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Document\":\"" + ACCOUNT + "\",\"Url\":\" \",\"Timestamp\":\"32\"}",
                "{\"ID\":\"6d0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Document\":\"" + ACCOUNT + "\",\"Url\":\"u\",\"FileSize\":1.5,\"Timestamp\":\"33\"}"));
        assertEquals(1, parsed.rows().size());
        assertEquals(2411L, parsed.rows().get(0).fileSize());
        assertEquals(2, parsed.malformed(), "no Url, or a size that is no whole number");
    }
}

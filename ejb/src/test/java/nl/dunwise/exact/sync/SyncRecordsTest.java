package nl.dunwise.exact.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncRecordsTest {

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void anAccountBecomesADebtorWithItsCodeTrimmed() {
        AccountRecord a = AccountRecord.parse(json("""
                {"ID":"5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11","Code":"              1000","Name":"Bakkerij Jansen B.V.",
                 "Email":"  ","Language":"NL","Country":"NL ","Blocked":false,"CreditLineSales":2500.00,
                 "Status":"C","IsSales":true,"Timestamp":"3000000001"}
                """));
        assertEquals("1000", a.code());
        assertNull(a.email(), "a blank email is no address");
        assertEquals("nl", a.language());
        assertEquals("NL", a.country());
        assertEquals(new BigDecimal("2500.00"), a.creditLine());
        assertTrue(a.customer());
    }

    @Test
    void aPaymentTermKeepsItsOpenAmountAndDates() {
        PaymentTermRecord t = PaymentTermRecord.parse(json("""
                {"ID":"6a0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11","Account":"5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11",
                 "InvoiceNumber":20260001,"InvoiceDate":"/Date(1761955200000)/","DueDate":"/Date(1764547200000)/",
                 "AmountDC":-121.00,"Currency":"EUR","Status":20,"Timestamp":"3000000002"}
                """));
        assertEquals("20260001", t.invoiceNumber());
        assertEquals(LocalDate.of(2025, 12, 1), t.dueDate());
        assertEquals(new BigDecimal("-121.00"), t.amount());
        assertEquals(PaymentTermRecord.OPEN, t.status());
    }

    @Test
    void aBadRecordIsSkippedAndCountedWhileTheRestOfThePageIsKept() {
        List<JsonObject> page = List.of(
                json("{\"ID\":\"6a0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Account\":\"5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"DueDate\":\"/Date(1764547200000)/\",\"AmountDC\":1,\"Timestamp\":\"5\"}"),
                json("{\"ID\":\"7a0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Account\":\"5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"DueDate\":\"/Date(1764547200000)/\",\"AmountDC\":\"lots\",\"Timestamp\":\"6\"}"));
        ParsedPage<PaymentTermRecord> parsed = PaymentTermRecord.parseAll(page);
        assertEquals(1, parsed.rows().size());
        assertEquals(1, parsed.malformed());
        assertTrue(parsed.lastProblem().contains("AmountDC is not a number"), parsed.lastProblem());
        assertEquals(6, parsed.maxTimestamp().getAsLong(), "the skipped record's Timestamp still moves the position");
    }

    @Test
    void theNewestVersionOfARecordWinsWithinAPage() {
        List<JsonObject> page = List.of(
                json("{\"ID\":\"5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Code\":\"1\",\"Name\":\"Old\",\"Timestamp\":\"7\"}"),
                json("{\"ID\":\"5f0e4a4e-9bd4-4e42-9bcb-2a7f4b6c4c11\",\"Code\":\"1\",\"Name\":\"New\",\"Timestamp\":\"9\"}"));
        List<AccountRecord> rows = AccountRecord.parseAll(page).rows();
        assertEquals(1, rows.size());
        assertEquals("New", rows.get(0).name());
    }
}

package nl.dunwise.sandbox.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

/** The gateway refuses what MessageBird refuses, and says which parameter is wrong. */
class SmsSubmissionTest {

    private static SmsSubmission parse(String json) {
        return SmsSubmission.parse(Json.createReader(new StringReader(json)).readObject());
    }

    private static List<String> refusedParameters(String json) {
        SmsRefused e = assertThrows(SmsRefused.class, () -> parse(json));
        assertEquals(422, e.status());
        return e.errors().stream().map(SmsError::parameter).toList();
    }

    @Test
    void aWellFormedMessageIsTakenWithItsReference() {
        SmsSubmission s = parse("{\"originator\":\"Dunwise\",\"recipients\":[\"+31612345678\", 32470123456],"
                + "\"body\":\"Pay please\",\"reference\":\"reminder-7\"}");
        assertEquals(List.of("31612345678", "32470123456"), s.recipients());
        assertEquals("reminder-7", s.reference());
        assertEquals(1, s.parts());
        assertFalse(s.unicode());
    }

    @Test
    void recipientsMayComeAsACommaSeparatedString() {
        assertEquals(List.of("31612345678", "31687654321"),
                parse("{\"originator\":\"3197010\",\"recipients\":\"31612345678,31687654321\",\"body\":\"x\"}").recipients());
    }

    @Test
    void everyFaultIsReportedAtOnce() {
        assertEquals(java.util.Arrays.asList("originator", "recipients", "body"), refusedParameters("{}"));
    }

    @Test
    void aNumberThatIsNotE164IsRefused() {
        assertEquals(List.of("recipients"), refusedParameters("{\"originator\":\"Dunwise\",\"recipients\":[\"0612345678\"],\"body\":\"x\"}"));
        assertEquals(List.of("recipients"), refusedParameters("{\"originator\":\"Dunwise\",\"recipients\":[\"3161234567\"],\"body\":\"x\"}"));
        assertEquals(List.of("recipients"), refusedParameters("{\"originator\":\"Dunwise\",\"recipients\":[\"+31 6 1234\"],\"body\":\"x\"}"));
    }

    @Test
    void anAlphanumericSenderHasAtMostElevenCharacters() {
        assertEquals(List.of("originator"), refusedParameters("{\"originator\":\"Dunwise B.V. NL\",\"recipients\":[31612345678],\"body\":\"x\"}"));
        assertEquals("Dunwise BV", parse("{\"originator\":\"Dunwise BV\",\"recipients\":[31612345678],\"body\":\"x\"}").originator());
    }

    @Test
    void aBodyOfMoreThanNinePartsIsRefused() {
        String ok = "a".repeat(1377);
        assertEquals(9, parse("{\"originator\":\"D\",\"recipients\":[31612345678],\"body\":\"" + ok + "\"}").parts());
        assertEquals(List.of("body"), refusedParameters("{\"originator\":\"D\",\"recipients\":[31612345678],\"body\":\"" + ok + "a\"}"));
    }

    @Test
    void partsAreCountedAsAHandsetCountsThem() {
        assertEquals(1, SmsSubmission.parts("a".repeat(160), false));
        assertEquals(2, SmsSubmission.parts("a".repeat(161), false));
        assertEquals(2, SmsSubmission.parts("€".repeat(80) + "a", false), "the euro sign takes two septets");
        assertFalse(SmsSubmission.isGsm("Betaal € 12,50 vóór 1 mei"), "ó is not in the GSM alphabet");
        assertEquals(2, SmsSubmission.parts("ó".repeat(71), true));
    }
}

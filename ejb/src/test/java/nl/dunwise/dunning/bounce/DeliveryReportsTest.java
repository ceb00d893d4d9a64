package nl.dunwise.dunning.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Delivery status notifications as Postfix, Exchange Online and Gmail send them, and mails that are none. */
class DeliveryReportsTest {

    private static final String VERP = "bounces+42.0123456789ab@dunwise.example";
    private static final String MESSAGE_ID = "<reminder-42.3100001@dunwise>";

    private static DeliveryReport report(String sample) throws MalformedReportException {
        return DeliveryReports.parse(SampleReports.mail(sample, VERP, MESSAGE_ID)).orElseThrow();
    }

    @Test
    void postfixUserUnknownIsAHardBounceOfTheReturnedMessage() throws MalformedReportException {
        DeliveryReport report = report("postfix-user-unknown");

        assertEquals("<20261125090213.4F1A21C0B2@mail.dunwise.example>", report.key());
        assertEquals(Instant.parse("2026-11-25T09:02:13Z"), report.receivedAt());
        assertEquals(List.of(VERP, VERP), report.returnedTo());
        assertEquals(MESSAGE_ID, report.originalMessageId());
        RecipientStatus recipient = report.recipients().get(0);
        assertEquals(new RecipientStatus("info@bakkerij-devries.nl", "failed", "5.1.1",
                "550 5.1.1 <info@bakkerij-devries.nl>: Recipient address rejected: User unknown in virtual mailbox table"), recipient);
        assertEquals(Optional.of(BounceKind.HARD), recipient.kind());
        assertTrue(recipient.addressIsDead());
    }

    @Test
    void exchangeOnlineReturnsOnlyTheHeadersAndAThreeDigitStatusDetail() throws MalformedReportException {
        DeliveryReport report = report("exchange-online-recipient-not-found");

        assertEquals(List.of(VERP), report.returnedTo());
        assertEquals(MESSAGE_ID, report.originalMessageId());
        assertEquals(List.of(new RecipientStatus("administratie@jansen-installatie.nl", "failed", "5.1.10",
                "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")), report.recipients());
        assertTrue(report.recipients().get(0).addressIsDead());
    }

    @Test
    void gmailFoldsItsDiagnosticOverSeveralLines() throws MalformedReportException {
        DeliveryReport report = report("gmail-no-such-user");

        assertEquals("<6560a1b2.050a0220.1c2d3.abcdGMR@mx.google.com>", report.key());
        assertEquals(Instant.parse("2026-11-25T09:07:22Z"), report.receivedAt());
        assertEquals(MESSAGE_ID, report.originalMessageId());
        RecipientStatus recipient = report.recipients().get(0);
        assertEquals("p.dekker.administratie@gmail.com", recipient.recipient());
        assertEquals("5.1.1", recipient.status());
        assertTrue(recipient.diagnostic().startsWith("550-5.1.1 The email account that you tried to reach does not exist. Please try"),
                recipient.diagnostic());
        assertTrue(recipient.diagnostic().endsWith("- gsmtp"), recipient.diagnostic());
    }

    @Test
    void aDelayIsASoftBounceThatLeavesTheAddressAlone() throws MalformedReportException {
        DeliveryReport report = report("postfix-delayed");

        RecipientStatus recipient = report.recipients().get(0);
        assertEquals("delayed", recipient.action());
        assertEquals("4.4.1", recipient.status());
        assertEquals(Optional.of(BounceKind.SOFT), recipient.kind());
        assertFalse(recipient.addressIsDead());
        assertEquals(MESSAGE_ID, report.originalMessageId());
    }

    @Test
    void theActionAndStatusDecideTheKind() {
        assertEquals(Optional.of(BounceKind.SOFT), new RecipientStatus("a@b.nl", "failed", "4.4.7", null).kind());
        assertEquals(Optional.empty(), new RecipientStatus("a@b.nl", "delivered", "2.0.0", null).kind());
        assertEquals(Optional.empty(), new RecipientStatus("a@b.nl", "relayed", "2.0.0", null).kind());
        RecipientStatus spamBlock = new RecipientStatus("a@b.nl", "failed", "5.7.1", "550 5.7.1 Message rejected as spam");
        assertEquals(Optional.of(BounceKind.HARD), spamBlock.kind());
        assertFalse(spamBlock.addressIsDead(), "a policy refusal says nothing against the mailbox");
    }

    @Test
    void aReplyToTheBounceAddressIsNoReport() throws MalformedReportException {
        assertEquals(Optional.empty(), DeliveryReports.parse(SampleReports.mail("out-of-office", VERP, MESSAGE_ID)));
    }

    @Test
    void aReportWithoutActionCannotBeRead() {
        MalformedReportException e = assertThrows(MalformedReportException.class,
                () -> DeliveryReports.parse(SampleReports.mail("malformed-report", VERP, MESSAGE_ID)));
        assertTrue(e.getMessage().contains("Action"), e.getMessage());
    }
}

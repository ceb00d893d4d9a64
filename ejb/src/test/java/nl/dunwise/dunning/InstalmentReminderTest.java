package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.exact.writeback.ExactWriteBacks;
import nl.dunwise.exact.writeback.WriteBackQueue;
import nl.dunwise.plan.PaymentPlanPolicy;
import nl.dunwise.plan.PaymentPlans;
import nl.dunwise.plan.PlanRequest;
import nl.dunwise.portal.PaymentLinks;
import nl.dunwise.testing.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A late instalment of an active payment plan gets one reminder email in the debtor's language, with its payment
 * link, in the dispatch pass (a real SMTP server, GreenMail): reviewed and dispatched again, it is not sent twice;
 * paid before the pass, it is not sent at all.
 */
class InstalmentReminderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final PaymentPlanPolicy POLICY = new PaymentPlanPolicy(6, new BigDecimal("50.00"), 6, 40, 14);
    private static final MovableClock CLOCK = new MovableClock(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC));

    private static Ledger ledger;
    private static EntityManagerFactory jpa;
    private GreenMail smtp;
    private StandaloneDispatch dispatch;
    private Session mailSession;

    @BeforeAll
    static void createDatabase() throws SQLException {
        ledger = new Ledger(InstalmentReminderTest.class);
        jpa = ledger.entityManagerFactory();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        jpa.close();
        ledger.close();
    }

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(smtp.getSmtp().getPort()));
        p.setProperty("mail.from", "debiteuren@example.com");
        mailSession = Session.getInstance(p);
        dispatch = new StandaloneDispatch(ledger.dataSource(), mailSession, "debiteuren@example.com",
                new PaymentLinks(Optional.of("a-secret-of-at-least-16-chars"), 60, "https://pay.example.com", CLOCK), CLOCK);
        CLOCK.set(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC));
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private static PaymentPlans plans(EntityManager em) {
        AuditLog audit = new AuditLog(em, CLOCK);
        return new PaymentPlans(em, audit, new ExactWriteBacks(new WriteBackQueue(StandaloneDispatch.transactionConnection(em)),
                audit, CLOCK), CLOCK, POLICY);
    }

    /** A Dutch debtor with an active plan of two instalments of 100, the first due tomorrow; answers the division. */
    private static int planOfDutchDebtor(String code) throws SQLException {
        int division = ledger.division();
        long debtor = ledger.debtor(division, code);
        ledger.execute("UPDATE debtor SET payment_score = 90, language = 'nl' WHERE id = " + debtor);
        ledger.invoice(debtor, TODAY.minusDays(20), "200.00");
        StandaloneDispatch.inTransaction(jpa, em -> plans(em).propose(division,
                PlanRequest.equalInstalments(code, List.of(), 2, TODAY.plusDays(1)), Actor.staff("collector")));
        return division;
    }

    private static void review(int division, LocalDate day) {
        CLOCK.set(day.atTime(6, 0).toInstant(ZoneOffset.UTC));
        StandaloneDispatch.inTransaction(jpa, em -> plans(em).review(division, day));
    }

    private DunningRunResult pass() {
        try (MailConnection mail = new MailConnection(mailSession)) {
            return DispatchPass.run(10, 1, (channel, max) -> List.of(),
                    () -> StandaloneDispatch.inTransaction(jpa, em -> dispatch.instalmentReminders(em, POLICY).sendNext(mail)));
        }
    }

    @Test
    void aLateInstalmentIsRemindedOnceInTheDebtorsLanguage() throws Exception {
        int division = planOfDutchDebtor("late-instalment");

        review(division, TODAY.plusDays(3));
        DunningRunResult first = pass();
        review(division, TODAY.plusDays(4));
        DunningRunResult second = pass();

        assertEquals(1, first.sent());
        assertEquals(0, second.sent() + second.skipped());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Termijn 1 van uw betalingsregeling is verlopen", received[0].getSubject());
        String body = GreenMailUtil.getBody(received[0]);
        assertTrue(body.contains("binnen 14 dagen") && body.contains("https://pay.example.com/pay?t="), body);
        assertEquals(List.of("SENT | late-instalment@example.com"), ledger.rows(
                "SELECT status || ' | ' || recipient FROM instalment_reminder WHERE division = ?", division));
        assertEquals(1, ledger.id("SELECT count(*) FROM exact_writeback WHERE division = " + division
                + " AND source LIKE 'instalment-reminder:%'"));
    }

    @Test
    void anInstalmentPaidBeforeThePassIsNotReminded() throws Exception {
        int division = planOfDutchDebtor("paid-in-time");
        review(division, TODAY.plusDays(3));
        ledger.execute("INSERT INTO payment (division, exact_id, debtor_id, invoice_id, amount, currency, paid_on) "
                + "SELECT division, gen_random_uuid(), debtor_id, id, 100, 'EUR', DATE '" + TODAY.plusDays(3) + "' FROM invoice "
                + "WHERE division = " + division);
        review(division, TODAY.plusDays(3));

        DunningRunResult result = pass();

        assertEquals(0, result.sent());
        assertEquals(1, result.skipped());
        assertEquals(0, smtp.getReceivedMessages().length);
    }
}

package nl.dunwise.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.dunwise.dunning.BusinessCalendar;
import nl.dunwise.dunning.Channel;
import nl.dunwise.dunning.CollectionCostsPolicy;
import nl.dunwise.dunning.FourteenDayLetter;
import nl.dunwise.money.Money;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The foundation's one path, end to end on the real stack: Payara with the EAR and the Exact sandbox on
 * PostgreSQL, Keycloak, GreenMail and Chromium. A credit manager signs in, connects Exact Online, the
 * first sync brings the debtors in, a dunning run emails the overdue ones, and the link in an email
 * opens the portal for that debtor only.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebtorPathIT {

    private static final Pattern PAYMENT_LINK = Pattern.compile("https?://[^\\s\"<>]+/portal/pay\\?t=[A-Za-z0-9_\\-.]+");

    private static final List<Locale> SPOKEN = Stream.of("nl", "en", "de", "fr").map(Locale::forLanguageTag).toList();

    private static Playwright playwright;
    private static Browser browser;
    private static Path screenshots;

    @Deployment(name = "sandbox", order = 1, testable = false)
    static WebArchive sandbox() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(TestStack.property("dunwise.sandbox.war")));
    }

    @Deployment(name = "dunwise", order = 2, testable = false)
    static EnterpriseArchive dunwise() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(TestStack.property("dunwise.ear")));
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        screenshots = Paths.get(System.getProperty("dunwise.screenshots", "target/screenshots"));
        java.nio.file.Files.createDirectories(screenshots);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    @Order(1)
    void migrationsRanAndTheDunningTimersAreStoredInPostgres() throws Exception {
        try (Connection db = TestStack.database(); Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM dunwise.flyway_schema_history WHERE success AND version = '1'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "migration V1 applied");
            }
            List<String> schedules = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT \"SCHEDULE\" FROM public.\"EJB__TIMER__TBL\"")) {
                while (rs.next()) {
                    schedules.add(rs.getString(1));
                }
            }
            assertTrue(schedules.stream().anyMatch(s -> s.contains("dailyRun")), "daily planning timer persisted: " + schedules);
            assertTrue(schedules.stream().anyMatch(s -> s.contains("dispatchTimer")), "dispatcher timer persisted: " + schedules);
        }
    }

    @Test
    @Order(2)
    void creditManagerConnectsExactAndTheDebtorOpensOnlyItsOwnInvoicesFromTheReminder() throws Exception {
        try (var context = browser.newContext(); Page page = context.newPage()) {
            try {
                connectSyncAndRemind(page);
            } catch (RuntimeException | AssertionError e) {
                shot(page, "failed-" + page.url().replaceAll("[^A-Za-z0-9]+", "_"));
                throw e;
            }
            String email = debtorEmail("1000");
            String message = latestMessageTo(email);
            assertEquals(Integer.parseInt(pdfsFetchedBeforeLatestReminderTo("1000")), pdfPartsIn(message),
                    "the reminder carries one PDF per listed invoice whose PDF was fetched from Exact before it went");
            String link = paymentLinkIn(message);

            page.navigate(link);
            page.waitForSelector("#greeting");
            shot(page, "05-portal-debtor-1000");
            TreeSet<String> shown = new TreeSet<>(page.locator(".invoice-number").allTextContents().stream().map(String::trim).toList());
            assertEquals(openInvoiceNumbers("1000"), shown, "the portal lists exactly debtor 1000's open items");
            assertFalse(shown.isEmpty());
            assertTrue(page.url().endsWith("/portal/invoices.xhtml"), "the token is not left in the address bar: " + page.url());
        }
    }

    private static void connectSyncAndRemind(Page page) throws Exception {
        page.navigate(TestStack.httpBase() + "/dunwise/");
        page.fill("#username", "carla");
        page.fill("#password", "carla");
        page.click("#kc-login");
        page.waitForSelector("[id='exactForm:connect']");
        shot(page, "01-cockpit-not-connected");

        page.click("[id='exactForm:connect']");
        page.waitForSelector("#authorize");
        shot(page, "02-exact-sandbox-consent");
        page.click("#authorize");
        page.waitForURL("**/dunwise/index.xhtml?exact=connected**");

        waitForSync(page);
        shot(page, "03-cockpit-synced");
        // Emails wait for the first round of invoice PDFs after the first sync (docs/exact-online.md); a credit
        // manager running dunning meanwhile is told so, and the dispatcher sends them afterwards.
        waitForFirstPdfRound();

        page.click("[id='dunningForm:runNow']");
        page.waitForSelector("text=Dunning run done");
        shot(page, "04-dunning-run");
        int sent = Integer.parseInt(page.textContent("[id='dunningForm:sentCount']").trim());
        assertTrue(sent > 0, "reminders sent: " + sent);
        int emailed = Integer.parseInt(singleText("SELECT count(*)::text FROM reminder WHERE channel = 'EMAIL' AND status = 'SENT'"));
        int withPdf = Integer.parseInt(singleText("""
                SELECT count(*)::text FROM reminder r WHERE r.channel = 'EMAIL' AND r.status = 'SENT'
                  AND EXISTS (SELECT 1 FROM invoice_pdf p JOIN document_attachment a ON a.id = p.attachment_id
                              WHERE p.invoice_id = ANY (r.item_invoice_ids) AND a.fetched_at <= r.sent_at)
                """));
        assertTrue(emailed > 0 && withPdf * 10 >= emailed * 8,
                "most of the first run's emails carry an invoice PDF: " + withPdf + " of " + emailed);
    }

    /** The first round of invoice PDFs after the first sync: about 200 downloads at the test stack's 300 calls a minute. */
    private static void waitForFirstPdfRound() throws Exception {
        long deadline = System.currentTimeMillis() + 12 * 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (singleText("SELECT count(*)::text FROM division WHERE managed AND first_pdf_round_ended_at IS NULL").equals("0")) {
                return;
            }
            Thread.sleep(5000);
        }
        throw new AssertionError("the first round of invoice PDFs did not end within 12 minutes");
    }

    @Test
    @Order(5)
    void aTamperedOrMissingLinkOpensNothing() throws Exception {
        try (var context = browser.newContext(); Page page = context.newPage()) {
            page.navigate(TestStack.httpBase() + "/portal/invoices.xhtml");
            assertTrue(page.url().contains("link.xhtml?problem=none"), page.url());

            String link = paymentLinkIn(latestMessageTo(debtorEmail("1000")));
            String token = link.substring(link.indexOf("t=") + 2);
            String tampered = token.substring(0, token.indexOf('.')) + "x" + token.substring(token.indexOf('.'));
            page.navigate(TestStack.httpBase() + "/portal/pay?t=" + tampered);
            page.waitForLoadState(LoadState.DOMCONTENTLOADED);
            assertTrue(page.url().contains("link.xhtml?problem=invalid"), page.url());
            assertEquals(0, page.locator(".invoice-number").count());
            shot(page, "06-portal-invalid-link");
        }
    }

    @Test
    @Order(3)
    void theFinalNoticeStatesTheStatutoryCollectionCostsAndTheDeadline() throws Exception {
        try (Connection db = TestStack.database(); Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT r.body_text, (SELECT sum(a) FROM unnest(r.item_open_amounts) a), (r.sent_at AT TIME ZONE 'UTC')::date
                FROM reminder r JOIN step s ON s.id = r.step_id
                WHERE s.template_code = 'final-notice' AND r.status = 'SENT' AND cardinality(r.item_invoice_ids) > 0
                ORDER BY r.id LIMIT 1
                """)) {
            assertTrue(rs.next(), "the demo data holds a debtor at the final notice");
            String body = rs.getString(1);
            java.time.LocalDate sentOn = rs.getDate(3).toLocalDate();
            Money costs = CollectionCostsPolicy.standard().costsOn("NL", Money.of(rs.getBigDecimal(2), "EUR"), sentOn);
            java.time.LocalDate deadline = new FourteenDayLetter(BusinessCalendar.of("NL")).deadline(sentOn, Channel.EMAIL);
            assertTrue(SPOKEN.stream().anyMatch(l -> body.contains(costs.format(l))), "WIK costs " + costs + " stated: " + body);
            assertTrue(SPOKEN.stream().anyMatch(l -> body.contains(
                    deadline.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(l)))),
                    "deadline " + deadline + " stated: " + body);
        }
    }

    @Test
    @Order(4)
    void creditManagerRevisesATemplateAUnknownFieldIsRefusedAndThePreviewShowsARealDebtor() throws Exception {
        try (var context = browser.newContext(); Page page = context.newPage()) {
            try {
                signIn(page, "carla");
                page.click("#navTemplates");
                page.locator("tr:has-text('First reminder'):has-text('English') a").first().click();
                page.waitForSelector("[id='templatesForm:body']");
                String before = templateText("first-reminder", "en");

                page.fill("[id='templatesForm:body']", "Dear {{debtor.nmae}},\n\n{{invoice.table}}");
                page.click("[id='templatesForm:save']");
                page.waitForSelector("text=Not saved");
                assertTrue(page.textContent("#messages").contains("{{debtor.nmae}}"), "the refusal names the unknown field");
                assertEquals(before, templateText("first-reminder", "en"), "a refused text changes nothing stored");
                shot(page, "07-template-refused");

                String text = "Dear {{debtor.name}},\n\nMarker 4711: these are still open.\n\n{{invoice.table}}\n\nPay here: {{payment.link}}";
                page.fill("[id='templatesForm:body']", text);
                page.click("[id='templatesForm:save']");
                page.waitForSelector("text=The template is saved.");
                assertTrue(templateText("first-reminder", "en").contains("Marker 4711"), "the new text is stored");

                page.fill("[id='templatesForm:debtorCode']", "1000");
                page.click("[id='templatesForm:preview']");
                page.waitForSelector("[id='templatesForm:previewSubject']");
                String preview = page.textContent("[id='templatesForm:previewBox']");
                shot(page, "08-template-preview");
                assertTrue(preview.contains("Marker 4711"), "the preview shows the draft: " + preview);
                assertTrue(preview.contains(debtorName("1000")), "the preview is filled for debtor 1000: " + preview);
                assertTrue(overdueInvoiceNumbers("1000").stream().allMatch(preview::contains),
                        "the preview lists debtor 1000's overdue invoices: " + preview);
            } catch (RuntimeException | AssertionError e) {
                shot(page, "failed-templates");
                throw e;
            }
        }
    }

    /** The first sync runs in the background; the cockpit polls while it does. */
    private static void waitForSync(Page page) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        int expected = expectedDebtorsWithOpenItems();
        while (System.currentTimeMillis() < deadline) {
            page.reload();
            var count = page.locator("[id$='debtorCount']");
            if (count.count() > 0 && Integer.parseInt(count.first().textContent().trim()) == expected) {
                return;
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("the first sync did not bring in " + expected + " debtors within two minutes");
    }

    /** What the sandbox holds, asked over its own status endpoint: the cockpit must show the same. */
    private static int expectedDebtorsWithOpenItems() throws Exception {
        JsonObject status = Json.createReader(new StringReader(TestStack.get(TestStack.httpBase() + "/exact-sandbox/api/sandbox/status"))).readObject();
        return status.getJsonObject("counts").getInt("accountsWithOpenItems");
    }

    private static String debtorEmail(String code) throws Exception {
        return singleText("SELECT email FROM debtor WHERE code = ?", code);
    }

    private static String debtorName(String code) throws Exception {
        return singleText("SELECT name FROM debtor WHERE code = ?", code);
    }

    @Test
    @Order(6)
    void everySentReminderIsNotedOnTheDebtorsAccountInExactAndTheExactPageShowsIt() throws Exception {
        long sent = singleLong(TestStack.database(), "SELECT count(*) FROM reminder WHERE status = 'SENT'");
        // One call per note within the test stack's 300 calls a minute, shared with the sync and the PDF downloads.
        long deadline = System.currentTimeMillis() + 360_000;
        while (singleLong(TestStack.database(), "SELECT count(*) FROM exact_writeback WHERE kind = 'NOTE' AND status = 'DONE'") < sent) {
            assertTrue(System.currentTimeMillis() < deadline, "the write-back timer wrote every note within six minutes");
            Thread.sleep(3000);
        }
        assertEquals(0, singleLong(TestStack.database(), "SELECT count(*) FROM exact_writeback WHERE status <> 'DONE'"));
        assertEquals(sent, singleLong(TestStack.sandboxDatabase(), "SELECT count(*) FROM exs_communication_note"),
                "Exact holds one note per reminder sent, none twice");
        String account = singleText("SELECT exact_id::text FROM debtor WHERE code = ?", "1000");
        assertEquals(singleLong(TestStack.database(), "SELECT count(*) FROM reminder r JOIN debtor d ON d.id = r.debtor_id "
                + "WHERE d.code = '1000' AND r.status = 'SENT'"),
                singleLong(TestStack.sandboxDatabase(), "SELECT count(*) FROM exs_communication_note WHERE account_id = '" + account + "'"),
                "debtor 1000's reminder is noted on its own account");

        try (var context = browser.newContext(); Page page = context.newPage()) {
            signIn(page, "carla");
            page.click("#navExact");
            page.waitForSelector("[id='writeBacksForm:done']");
            shot(page, "09-exact-page");
            assertEquals(String.valueOf(sent), page.textContent("[id='writeBacksForm:done']").trim());
            assertEquals("0", page.textContent("[id='writeBacksForm:failed']").trim());
        }
    }

    @Test
    @Order(7)
    void aChangeInExactArrivesByWebhookLongBeforeTheScheduledSync() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (singleLong(TestStack.sandboxDatabase(),
                "SELECT count(*) FROM exs_webhook_subscription WHERE callback_url LIKE '%/dunwise/hooks/exact'") < 2) {
            assertTrue(System.currentTimeMillis() < deadline, "Dunwise subscribed to the Accounts and FinancialTransactions topics");
            Thread.sleep(2000);
        }
        try (Connection exact = TestStack.sandboxDatabase(); Statement st = exact.createStatement()) {
            assertEquals(1, st.executeUpdate("UPDATE exs_account SET name = 'Webhook Test BV', "
                    + "row_version = nextval('exs_rowversion') WHERE trim(code) = '1000'"));
        }
        deadline = System.currentTimeMillis() + 120_000;
        while (!"Webhook Test BV".equals(debtorName("1000"))) {
            assertTrue(System.currentTimeMillis() < deadline, "the renamed account reached Dunwise within two minutes");
            Thread.sleep(2000);
        }
        assertTrue(singleLong(TestStack.database(), "SELECT count(*) FROM exact_webhook_event "
                + "WHERE topic = 'Accounts' AND processed_at IS NOT NULL") > 0, "it came by the webhook");

        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(TestStack.httpBase() + "/dunwise/hooks/exact"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"Content\":{\"Topic\":\"Accounts\",\"Division\":1,"
                        + "\"Action\":\"Update\",\"Key\":\"" + UUID.randomUUID() + "\"},\"HashCode\":\"00\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, forged.statusCode(), "a forged event is refused: " + forged.body());
    }

    @Test
    @Order(8)
    void theDunningPageShowsTheLatestRunsSkipsPerReasonAndAnApprovalLeavesTheQueueAudited() throws Exception {
        String latestRun = "FROM dunning_skip WHERE (division, run_date) IN (SELECT division, max(run_date) FROM dunning_skip GROUP BY division)";
        long skipped = singleLong(TestStack.database(), "SELECT count(*) " + latestRun);
        // Given a hand-over awaiting approval: the first run sends the 14-day letter first, so the demo reaches the
        // agency step only weeks later; this one is put in place as the planning run would have planned it then.
        try (Connection db = TestStack.database(); Statement st = db.createStatement()) {
            st.executeUpdate("""
                    INSERT INTO reminder (division, debtor_id, step_id, cycle_due_date, channel, status, total_amount,
                                          currency, planned_at)
                    SELECT d.division, d.id, st.id, current_date - 70, 'AGENCY', 'AWAITING_APPROVAL', 100.00, 'EUR', now()
                    FROM debtor d JOIN scenario s ON s.division = d.division AND s.code = 'standard'
                    JOIN step st ON st.scenario_id = s.id AND st.template_code = 'agency-handover'
                    WHERE d.id = (SELECT min(id) FROM debtor WHERE code <> '1000')
                    """);
        }
        long awaiting = singleLong(TestStack.database(), "SELECT count(*) FROM reminder WHERE status = 'AWAITING_APPROVAL'");
        assertTrue(awaiting > 0, "a hand-over awaits approval");

        try (var context = browser.newContext(); Page page = context.newPage()) {
            try {
                signIn(page, "carla");
                page.click("#navDunning");
                page.waitForSelector("[id='approvalsForm:approvals']");
                shot(page, "10-dunning-page");

                if (skipped == 0) {
                    assertTrue(page.textContent("[id='skipsPanel']").contains("No planning run has held back a debtor yet."));
                } else {
                    assertEquals(String.valueOf(skipped), page.textContent("[id='skipsForm:skipTotal']").trim());
                    try (Connection db = TestStack.database(); Statement st = db.createStatement();
                            ResultSet rs = st.executeQuery("SELECT reason, count(*) " + latestRun + " GROUP BY reason")) {
                        while (rs.next()) {
                            assertEquals(String.valueOf(rs.getLong(2)),
                                    page.textContent(".reason-count[data-reason='" + rs.getString(1) + "'] .count").trim(),
                                    "debtors held back for " + rs.getString(1));
                        }
                    }
                    assertEquals(Math.min(skipped, 20), page.locator("[id='skipsForm:skips_data'] tr[data-ri]").count(),
                            "the first page of the skips table");
                }

                String reminder = page.locator("[id='approvalsForm:approvals_data'] tr[data-rk]").first().getAttribute("data-rk");
                String decided = "SELECT count(*) FROM audit_event WHERE action = 'REMINDER_APPROVED' AND actor = 'carla' "
                        + "AND subject_type = 'Reminder' AND subject_id = '" + reminder + "'";
                assertEquals(0, singleLong(TestStack.database(), decided));
                page.click("[id='approvalsForm:approvals_data'] tr[data-rk='" + reminder + "'] button[id$=':approve']");
                page.waitForSelector("text=will be sent with the next dispatch");

                assertEquals(0, page.locator("[id='approvalsForm:approvals_data'] tr[data-rk='" + reminder + "']").count(),
                        "the approved reminder left the queue");
                // The five-minute dispatcher may already have sent it; either way carla's decision is what let it go.
                assertTrue(List.of("PLANNED | carla", "SENT | carla").contains(singleText(
                        "SELECT status || ' | ' || decided_by FROM reminder WHERE id = CAST(? AS bigint)", reminder)));
                assertEquals(1, singleLong(TestStack.database(), decided), "the approval is audited");
                assertEquals(awaiting - 1, singleLong(TestStack.database(), "SELECT count(*) FROM reminder WHERE status = 'AWAITING_APPROVAL'"));
            } catch (RuntimeException | AssertionError e) {
                shot(page, "failed-dunning-page");
                throw e;
            }
        }
    }

    @Test
    @Order(9)
    void theExactPageListsTheSandboxsDivisionAsManagedWithItsCurrencyAndCountry() throws Exception {
        String division = singleText("SELECT current_division::text FROM exact_connection ORDER BY id LIMIT 1");
        try (var context = browser.newContext(); Page page = context.newPage()) {
            try {
                signIn(page, "carla");
                page.click("#navExact");
                page.waitForSelector("[id='exactForm:divisionTable']");
                shot(page, "11-exact-divisions");
                var row = page.locator("[id='exactForm:divisionTable_data'] tr")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(division));
                assertEquals(1, row.count(), "the division the sandbox user works in is listed once");
                assertEquals(singleText("SELECT currency || ' ' || coalesce(country, '') FROM division WHERE code = CAST(? AS integer)", division),
                        row.locator("td").nth(2).textContent().trim() + " " + row.locator("td").nth(3).textContent().trim());
                assertEquals(1, row.locator(".ui-toggleswitch-checked").count(), "its managed switch is on");
                assertEquals("true", singleText("SELECT managed::text FROM division WHERE code = CAST(? AS integer)", division));
            } catch (RuntimeException | AssertionError e) {
                shot(page, "failed-exact-divisions");
                throw e;
            }
        }
    }

    @Test
    @Order(10)
    void creditManagerMovesAStepOfTheStandardScenarioAnOrderBreakingChangeIsRefusedAndCallsListTheOpenTasks() throws Exception {
        String firstReminderOn = "SELECT count(*) FROM step st JOIN scenario s ON s.id = st.scenario_id "
                + "WHERE s.code = 'standard' AND st.template_code = 'first-reminder' AND NOT st.retired AND st.day_offset = ";
        String changes = "SELECT count(*) FROM audit_event WHERE action = 'SCENARIO_STEP_CHANGED' AND actor = 'carla'";
        long onDay7 = singleLong(TestStack.database(), firstReminderOn + 7);
        long onDay8 = singleLong(TestStack.database(), firstReminderOn + 8);
        assertTrue(onDay7 > 0, "a new division starts with the first reminder of the standard scenario on day 7");
        long changesBefore = singleLong(TestStack.database(), changes);
        String standard = ".scenario-card[data-code='standard'] ";

        try (var context = browser.newContext(); Page page = context.newPage()) {
            try {
                signIn(page, "carla");
                page.click("#navScenarios");
                page.waitForSelector(standard);
                page.click(standard + "tr:has(span[id$=':day']:text-is('7')) button[id$=':edit']");
                page.waitForSelector("[id='scenariosForm:stepEditor']");
                page.fill("[id='scenariosForm:offset_input']", "8");
                page.click("[id='scenariosForm:saveStep']");
                page.waitForSelector("text=The step is saved.");
                assertEquals(onDay7 - 1, singleLong(TestStack.database(), firstReminderOn + 7));
                assertEquals(onDay8 + 1, singleLong(TestStack.database(), firstReminderOn + 8));
                assertEquals(changesBefore + 1, singleLong(TestStack.database(), changes), "the change is audited");

                page.click(standard + "tr:has(span[id$=':day']:text-is('8')) button[id$=':edit']");
                page.waitForSelector("[id='scenariosForm:stepEditor']");
                page.fill("[id='scenariosForm:offset_input']", "21");
                page.click("[id='scenariosForm:saveStep']");
                page.waitForSelector("text=Not saved: day 21 must come before day 21 of the step after it.");
                shot(page, "12-scenarios");
                assertEquals(onDay8 + 1, singleLong(TestStack.database(), firstReminderOn + 8), "the refused change stored nothing");
                assertEquals(0, singleLong(TestStack.database(), firstReminderOn + 21));
                assertEquals(changesBefore + 1, singleLong(TestStack.database(), changes));

                page.click("#navCalls");
                page.waitForSelector("[id='callsForm:tasks']");
                shot(page, "13-calls");
                assertEquals(singleLong(TestStack.database(), "SELECT count(*) FROM call_task WHERE status = 'OPEN'"),
                        page.locator("[id='callsForm:tasks_data'] tr[data-ri]").count(), "one row per open call task");
            } catch (RuntimeException | AssertionError e) {
                shot(page, "failed-scenarios-calls");
                throw e;
            }
        }
    }

    @Test
    @Order(11)
    void aCollectorPutsADebtorOnCreditHoldAndExactBlocksTheAccountWithANoteSaying() throws Exception {
        String account = singleText("SELECT exact_id::text FROM debtor WHERE code = ?", "1000");
        String onAccount = " FROM exs_communication_note WHERE account_id = '" + account + "'";
        long notesBefore = singleLong(TestStack.sandboxDatabase(), "SELECT count(*)" + onAccount);
        try (var context = browser.newContext(); Page page = context.newPage()) {
            try {
                signIn(page, "colin");
                page.click("#navDebtors");
                page.fill("[id='searchForm:search']", "1000");
                page.click("[id='searchForm:find']");
                page.click("[id='searchForm:found'] a:text-is('1000')");
                page.click("[id='storyForm:hold']");
                page.fill("[id='holdForm:holdReason']", "Over the credit limit");
                page.click("[id='holdForm:confirmHold']");
                page.waitForSelector("[id='storyForm:release']");
                shot(page, "12-debtor-page-on-hold");
            } catch (RuntimeException | AssertionError e) {
                shot(page, "failed-" + page.url().replaceAll("[^A-Za-z0-9]+", "_"));
                throw e;
            }
        }
        long deadline = System.currentTimeMillis() + 180_000;
        while (singleLong(TestStack.sandboxDatabase(), "SELECT count(*) FROM exs_account WHERE blocked AND id = '" + account + "'") == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the write-back timer blocked the account in Exact within three minutes");
            Thread.sleep(3000);
        }
        while (singleLong(TestStack.sandboxDatabase(), "SELECT count(*)" + onAccount) == notesBefore) {
            assertTrue(System.currentTimeMillis() < deadline, "and noted why on it");
            Thread.sleep(3000);
        }
        assertEquals(1, singleLong(TestStack.sandboxDatabase(), "SELECT count(*)" + onAccount
                + " AND notes LIKE '%Over the credit limit%'"), "the note says why");
        assertEquals(1, singleLong(TestStack.database(), "SELECT count(*) FROM audit_event WHERE action = 'CREDIT_HOLD_ON' "
                + "AND actor = 'colin'"));
    }

    private static void signIn(Page page, String user) {
        page.navigate(TestStack.httpBase() + "/dunwise/");
        page.fill("#username", user);
        page.fill("#password", user);
        page.click("#kc-login");
    }

    private static long singleLong(Connection connection, String sql) throws Exception {
        try (Connection db = connection; Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String templateText(String code, String language) throws Exception {
        return singleText("SELECT body_text FROM message_template WHERE code = ? AND language = ? AND channel = 'EMAIL'",
                code, language);
    }

    private static String singleText(String sql, String... parameters) throws Exception {
        try (Connection db = TestStack.database(); PreparedStatement ps = db.prepareStatement(sql)) {
            for (int p = 0; p < parameters.length; p++) {
                ps.setString(p + 1, parameters[p]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "a row for " + String.join(", ", parameters));
                return rs.getString(1);
            }
        }
    }

    private static TreeSet<String> openInvoiceNumbers(String code) throws Exception {
        return invoiceNumbers(code, "true");
    }

    private static TreeSet<String> overdueInvoiceNumbers(String code) throws Exception {
        return invoiceNumbers(code, "i.open_amount > 0 AND i.due_date < current_date");
    }

    private static TreeSet<String> invoiceNumbers(String code, String condition) throws Exception {
        TreeSet<String> numbers = new TreeSet<>();
        try (Connection db = TestStack.database(); PreparedStatement ps = db.prepareStatement("""
                SELECT i.invoice_number FROM invoice i JOIN debtor d ON d.id = i.debtor_id
                WHERE d.code = ? AND i.closed_at IS NULL AND %s
                """.formatted(condition))) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getString(1));
                }
            }
        }
        return numbers;
    }

    private static String latestMessageTo(String email) throws Exception {
        JsonArray messages = Json.createReader(new StringReader(
                TestStack.get(TestStack.greenMailApi() + "/api/user/" + email + "/messages/INBOX"))).readArray();
        assertFalse(messages.isEmpty(), "GreenMail received a reminder for " + email);
        return messages.getJsonObject(messages.size() - 1).getString("mimeMessage");
    }

    /**
     * How many of the invoices the debtor's latest emailed reminder lists had their PDF fetched from Exact before it
     * was sent (the dispatcher attaches what was fetched ahead, never downloading while it sends).
     */
    private static String pdfsFetchedBeforeLatestReminderTo(String code) throws Exception {
        return singleText("""
                SELECT count(DISTINCT ri.invoice_id)::text
                FROM reminder r JOIN debtor d ON d.id = r.debtor_id
                CROSS JOIN LATERAL unnest(r.item_invoice_ids) AS ri(invoice_id)
                WHERE d.code = ? AND r.id = (SELECT max(x.id) FROM reminder x WHERE x.debtor_id = d.id
                                              AND x.channel = 'EMAIL' AND x.status = 'SENT')
                  AND EXISTS (SELECT 1 FROM invoice_pdf p JOIN document_attachment a ON a.id = p.attachment_id
                              WHERE p.invoice_id = ri.invoice_id AND a.fetched_at <= r.sent_at)
                """, code);
    }

    private static int pdfPartsIn(String rawMessage) {
        return rawMessage.split("(?i)Content-Type: application/pdf", -1).length - 1;
    }

    /** The raw message is quoted-printable: undo soft line breaks and the encoded '=' before matching. */
    private static String paymentLinkIn(String rawMessage) {
        String decoded = rawMessage.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        Matcher m = PAYMENT_LINK.matcher(decoded);
        assertTrue(m.find(), "the reminder holds a payment link");
        return m.group();
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
    }
}

package nl.dunwise.exact.document;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.logging.Logger;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.dunwise.exact.ExactCalls;
import nl.dunwise.exact.ExactCircuitBreaker;
import nl.dunwise.exact.ExactConnectionService;
import nl.dunwise.exact.ExactSettings;
import nl.dunwise.exact.client.CallPurpose;
import nl.dunwise.exact.client.AttachmentUrl;
import nl.dunwise.exact.client.ExactClient;
import nl.dunwise.exact.client.RefusedFileException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The PDFs Exact holds of a reminder's invoices, for the email that sends it. Runs outside the reminder's
 * transaction (the download is an HTTP call, and what it fetches is kept whatever happens to the reminder).
 * Files are fetched ahead in rounds, never while a reminder is sent. A round is one {@link ExactClient}, so the
 * rate-limit headers of each download judge the next (its purpose keeps the call reserve), and the last ones
 * are stored on the connection for whatever round comes next.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InvoicePdfs {

    private static final Logger LOG = Logger.getLogger(InvoicePdfs.class.getName());

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    @Inject
    private ExactConnectionService connections;

    @Inject
    private ExactCircuitBreaker circuit;

    @Inject
    private ExactSettings settings;

    @Inject
    private Clock clock;

    /** 300 PDFs at Exact's 60 calls a minute, less the reserve, take about 6 minutes; more means it broke off. */
    public static final Duration FIRST_ROUND_HOLDS_EMAILS_AT_MOST = Duration.ofMinutes(20);

    /** A PDF larger than this is refused: an invoice is a few pages, tens of kilobytes. */
    @Inject
    @ConfigProperty(name = "dunwise.exact.pdf-max-bytes", defaultValue = "5242880")
    private long maxFileBytes;

    /** All PDFs of one email together; many mail servers refuse messages over 10 to 25 MB. */
    @Inject
    @ConfigProperty(name = "dunwise.mail.attachments-max-bytes", defaultValue = "10485760")
    private long maxMailBytes;

    public InvoicePdfs() {
    }

    /** Outside the server (tests, {@code ./dunwise bench dispatch}): the PDFs kept in the database, none downloaded. */
    public InvoicePdfs(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.maxFileBytes = 5_242_880;
        this.maxMailBytes = 10_485_760;
    }

    /** How many PDFs one round fetches ahead; each is a call against Exact's limit of 60 a minute. */
    @Inject
    @ConfigProperty(name = "dunwise.exact.pdf-prefetch-per-round", defaultValue = "20")
    private int prefetchPerRound;

    /**
     * How many PDFs the round after a division's first full sync fetches: the first dunning run plans reminders
     * for every overdue debtor at once, where later runs add a few a day.
     */
    @Inject
    @ConfigProperty(name = "dunwise.exact.pdf-prefetch-first-round", defaultValue = "300")
    private int prefetchFirstRound;

    /** Besides those of reminders about to go out, the PDFs of open items falling due within this many days. */
    @Inject
    @ConfigProperty(name = "dunwise.exact.pdf-prefetch-days", defaultValue = "14")
    private int prefetchDays;

    /**
     * The PDFs kept of each reminder's invoices, read in one statement for a dispatcher's batch; never a download
     * while the reminders wait ({@link #prefetch}). Every reminder asked for is in the map.
     */
    public Map<Long, InvoiceFiles> forReminders(List<Long> reminderIds) {
        return cache().forReminders(reminderIds, PdfCache.KEPT_ONLY);
    }

    /**
     * Fetches a round of PDFs ahead of the reminders that will carry them: first those of email reminders
     * planned, then those of items falling due soon. Run before every dispatch pass; the calls keep the reserve
     * and never wait, so a round stops when the budget or Exact says so. Returns how many were fetched.
     */
    public int prefetch() {
        if (connections == null || !connections.connected()) {
            return 0;
        }
        LocalDate dueBy = LocalDate.now(clock).plusDays(prefetchDays);
        return round(CallPurpose.ATTACHMENT_DOWNLOAD, (cache, download) -> connections.managedDivisions().stream()
                .mapToInt(d -> cache.prefetch(d.getCode(), dueBy, prefetchPerRound, download)).sum());
    }

    /**
     * After a webhook's sync of a division's sales invoices or documents: the PDFs that planned email reminders
     * still lack, so that a reminder planned before Exact printed its invoice still carries it.
     */
    public int prefetchForPlannedReminders(int division) {
        return round(CallPurpose.ATTACHMENT_DOWNLOAD, (cache, download) -> cache.prefetch(division, null, prefetchPerRound,
                download));
    }

    /**
     * Claims the division's first round, which is due after its first full sync (on connecting, or when a
     * division is switched on); true once per division. While it runs, the division's email reminders wait.
     */
    public boolean claimFirstRound(int division) {
        return cache().claimFirstRound(division);
    }

    /**
     * The first round of a division (claimed with {@link #claimFirstRound}): up to
     * {@code dunwise.exact.pdf-prefetch-first-round} PDFs of the reminders the first dunning run will plan, one
     * per debtor first. Waits for each minute's reset at the minutely reserve instead of stopping, and stops at the
     * daily reserve; afterwards the rounds before each dispatch go on as usual.
     */
    @Asynchronous
    public void firstRoundInBackground(int division) {
        try {
            int fetched = round(CallPurpose.FIRST_PDF_ROUND, (cache, download) -> cache.prefetchAfterOtherRounds(division,
                    LocalDate.now(clock).plusDays(prefetchDays), prefetchFirstRound, download));
            LOG.info("Division " + division + ": " + fetched + " invoice PDF(s) fetched in the first round after its first sync");
        } finally {
            cache().firstRoundEnded(division);
        }
    }

    /**
     * Whether email reminders wait now for a division's first round; it holds them at most
     * {@link #FIRST_ROUND_HOLDS_EMAILS_AT_MOST} after it started, in case it broke off without saying so.
     */
    public boolean firstRoundUnderWay() {
        return cache().firstRoundUnderWay(clock.instant().minus(FIRST_ROUND_HOLDS_EMAILS_AT_MOST));
    }

    private interface Round {
        int run(PdfCache cache, PdfCache.Downloader download);
    }

    private int round(CallPurpose purpose, Round round) {
        ExactClient client = connections.client(purpose);
        try {
            return round.run(cache(), url -> download(client, url));
        } finally {
            circuit.rateLimitSeen(client.lastRateLimit().orElse(null));
        }
    }

    private PdfCache cache() {
        return new PdfCache(dataSource, clock, maxFileBytes, maxMailBytes);
    }

    private byte[] download(ExactClient client, String url) {
        URI base = settings.baseUri();
        AttachmentUrl address = AttachmentUrl.parse(url, base).orElseThrow(() -> new RefusedFileException(
                "its address is not an attachment on " + base + ": " + url));
        return ExactCalls.withToken(connections, token -> client.downloadPdf(token, address, maxFileBytes));
    }
}

package nl.dunwise.exact.document;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.dunwise.exact.Division;
import nl.dunwise.exact.ExactCalls;
import nl.dunwise.exact.ExactConnection;
import nl.dunwise.exact.ExactConnectionService;
import nl.dunwise.exact.ExactSettings;
import nl.dunwise.exact.client.CallPurpose;
import nl.dunwise.exact.client.AttachmentUrl;
import nl.dunwise.exact.client.ExactApiException;
import nl.dunwise.exact.client.ExactClient;
import nl.dunwise.exact.client.RefusedFileException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The PDFs Exact holds of a reminder's invoices, for the email that sends it. Runs outside the reminder's
 * transaction (the download is an HTTP call, and what it fetches is kept whatever happens to the reminder).
 * A download is one call against the connection's rate limit like any other, made only while the last
 * answers Exact gave left budget ({@link DownloadBudget}), and never waited for: the reminder goes without the
 * file instead.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InvoicePdfs {

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    @Inject
    private ExactConnectionService connections;

    @Inject
    private ExactSettings settings;

    @Inject
    private Clock clock;

    @Inject
    private DownloadBudget budget;

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
        int fetched = 0;
        for (Division division : connections.managedDivisions()) {
            fetched += cache().prefetch(division.getCode(), LocalDate.now(clock).plusDays(prefetchDays), prefetchPerRound,
                    this::download);
        }
        return fetched;
    }

    private PdfCache cache() {
        return new PdfCache(dataSource, clock, maxFileBytes, maxMailBytes);
    }

    private byte[] download(String url) {
        URI base = settings.baseUri();
        AttachmentUrl address = AttachmentUrl.parse(url, base).orElseThrow(() -> new RefusedFileException(
                "its address is not an attachment on " + base + ": " + url));
        ExactConnection connection = connections.current()
                .orElseThrow(() -> new ExactApiException(0, "Dunwise is not connected to Exact Online"));
        connection.getRateLimit().noCallsLeft(clock.instant()).or(() -> budget.exhausted(clock.instant())).ifPresent(why -> {
            throw new ExactApiException(429, why);
        });
        ExactClient client = connections.client(CallPurpose.ATTACHMENT_DOWNLOAD);
        try {
            return ExactCalls.withToken(connections, token -> client.downloadPdf(token, address, maxFileBytes));
        } finally {
            budget.seen(client.lastRateLimit());
        }
    }
}

package nl.dunwise.exact.client;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dunwise.platform.RestClients;

/**
 * One country's Exact Online API with the rules of engagement built in: pace by the rate-limit headers
 * so that normal work never meets a 429, wait for the reset when one comes anyway, back off on 5xx and
 * time-outs, and turn every other failure into an {@link ExactApiException} with a readable message. Writes
 * follow the same rules; a 4xx other than 401 and 429 is never retried ({@link ExactApiException#isPermanent}).
 * An HTML page where JSON belongs is a proxy's, and as transient as a 5xx. Before each call the
 * {@link EndpointGuard} may hold an endpoint back that met too many errors, and a scheduled sync leaves the
 * reserve of its {@link CallBudget} to others.
 */
public class ExactClient {

    private static final Logger LOG = Logger.getLogger(ExactClient.class.getName());
    private static final int MAX_ATTEMPTS = 4;
    private static final Duration MAX_RATE_WAIT = Duration.ofSeconds(65);
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]*)</title>", Pattern.CASE_INSENSITIVE);

    private final ExactApi api;
    private final Clock clock;
    private final Sleeper sleeper;
    private final EndpointGuard guard;
    private final CallBudget budget;
    private volatile RateLimit lastRateLimit;
    /** Exact's limits are per division: the last headers of each division this client called. */
    private final Map<Integer, RateLimit> rateLimits = new ConcurrentHashMap<>();

    public ExactClient(URI baseUri, Clock clock, EndpointGuard guard, CallBudget budget) {
        this(RestClients.build(ExactApi.class, baseUri, Duration.ofSeconds(10), Duration.ofSeconds(60)), clock, Sleeper.THREAD,
                guard, budget);
    }

    ExactClient(ExactApi api, Clock clock, Sleeper sleeper) {
        this(api, clock, sleeper, EndpointGuard.NONE, CallBudget.unreserved(CallPurpose.INTERACTIVE));
    }

    /** On a given API: a scripted Exact in tests that wire the client to the rest of Dunwise. */
    public ExactClient(ExactApi api, Clock clock, Sleeper sleeper, EndpointGuard guard, CallBudget budget) {
        this.api = api;
        this.clock = clock;
        this.sleeper = sleeper;
        this.guard = guard;
        this.budget = budget;
    }

    public TokenGrant exchangeCode(String code, String redirectUri, String clientId, String clientSecret) {
        return token(new Form()
                .param("grant_type", "authorization_code")
                .param("code", code)
                .param("redirect_uri", redirectUri)
                .param("client_id", clientId)
                .param("client_secret", clientSecret));
    }

    public TokenGrant refresh(String refreshToken, String clientId, String clientSecret) {
        return token(new Form()
                .param("grant_type", "refresh_token")
                .param("refresh_token", refreshToken)
                .param("client_id", clientId)
                .param("client_secret", clientSecret));
    }

    public JsonObject me(String accessToken) {
        List<JsonObject> results = ExactJson.results(call(null, () -> api.me(bearer(accessToken),
                "UserID,UserName,FullName,CurrentDivision,Email,LanguageCode")));
        if (results.isEmpty()) {
            throw new MalformedRecordException("current/Me returned no user");
        }
        return results.get(0);
    }

    public List<JsonObject> divisions(String accessToken, int division) {
        return ExactJson.results(call(new ExactEndpoint(division, "system/Divisions"), () -> api.divisions(bearer(accessToken), division,
                "Code,Description,Currency,Country,Status")));
    }

    /** One page of a sync endpoint: records changed after {@code afterTimestamp}, oldest first. */
    public SyncPage syncPage(String accessToken, int division, SyncEndpoint endpoint, long afterTimestamp,
            String skiptoken) {
        String filter = "Timestamp gt " + afterTimestamp + "L";
        String select = String.join(",", endpoint.fields());
        JsonObject body = call(new ExactEndpoint(division, "sync/" + endpoint.stateKey()), () -> endpoint == SyncEndpoint.DELETED
                ? api.syncDeleted(bearer(accessToken), division, filter, select, skiptoken)
                : api.sync(bearer(accessToken), division, endpoint.service(), endpoint.entity(), filter, select, skiptoken));
        return new SyncPage(ExactJson.results(body), ExactJson.nextSkiptoken(body).orElse(null));
    }

    /**
     * Creates a CommunicationNote on the account from {@code fields} (Subject, Notes, optionally Contact) and
     * returns the ID Exact gave it.
     */
    public UUID createNote(String accessToken, int division, UUID account, JsonObject fields) {
        String body = Json.createObjectBuilder(fields).add("Account", account.toString()).build().toString();
        List<JsonObject> created = ExactJson.results(call(new ExactEndpoint(division, "activities/CommunicationNotes"),
                () -> api.createCommunicationNote(bearer(accessToken), division, body)));
        return ExactJson.guid(created.get(0), "ID");
    }

    /** Changes properties of an account, e.g. {@code {"Blocked": true}}; Exact answers 204 without a body. */
    public void updateAccount(String accessToken, int division, UUID account, JsonObject changes) {
        exchange(new ExactEndpoint(division, "crm/Accounts"),
                () -> api.updateAccount(bearer(accessToken), division, account.toString(), changes.toString()));
    }

    /** The app's webhook subscriptions in a division: {@code ID}, {@code CallbackURL}, {@code Topic}. */
    public List<JsonObject> webhookSubscriptions(String accessToken, int division) {
        return ExactJson.results(call(new ExactEndpoint(division, WEBHOOKS),
                () -> api.webhookSubscriptions(bearer(accessToken), division, "ID,CallbackURL,Topic")));
    }

    /** Subscribes; Exact first checks that the callback answers, and refuses (400) if it does not. */
    public JsonObject subscribeWebhook(String accessToken, int division, String callbackUrl, String topic) {
        String body = Json.createObjectBuilder().add("CallbackURL", callbackUrl).add("Topic", topic).build().toString();
        List<JsonObject> created = ExactJson.results(call(new ExactEndpoint(division, WEBHOOKS),
                () -> api.subscribeWebhook(bearer(accessToken), division, body)));
        if (created.isEmpty()) {
            throw new MalformedRecordException("the new webhook subscription was not returned");
        }
        return created.get(0);
    }

    private static final String WEBHOOKS = "webhooks/WebhookSubscriptions";

    /**
     * Downloads a PDF attachment: one attempt, no waiting, because the caller is sending a reminder and
     * goes on without the file rather than wait (429, 5xx and time-outs throw {@link ExactApiException} at
     * once). An answer that is not a PDF (by its Content-Type and its first bytes) or is larger than
     * {@code maxBytes} is refused with {@link RefusedFileException}, read no further than the limit.
     */
    public byte[] downloadPdf(String accessToken, AttachmentUrl url, long maxBytes) {
        return exchange(new ExactEndpoint(url.division(), "docs/SysAttachment"),
                () -> api.attachment(bearer(accessToken), url.id().toString(), url.division(), 1), 1,
                response -> pdfBody(response, maxBytes));
    }

    static final String PDF = "application/pdf";
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private static byte[] pdfBody(Response response, long maxBytes) {
        String type = response.getHeaderString("Content-Type");
        String mediaType = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        // Exact serves files as application/pdf; a generic octet-stream is accepted when the bytes are a PDF.
        if (!mediaType.equals(PDF) && !mediaType.equals("application/octet-stream")) {
            throw new RefusedFileException("the download is not a PDF (Content-Type " + (type == null ? "missing" : type) + ")");
        }
        String length = response.getHeaderString("Content-Length");
        if (length != null && length.strip().matches("\\d{1,18}") && Long.parseLong(length.strip()) > maxBytes) {
            throw new RefusedFileException("the file is " + length.strip() + " bytes, more than the " + maxBytes + " allowed");
        }
        byte[] content;
        try (InputStream in = response.readEntity(InputStream.class)) {
            content = readAtMost(in, maxBytes);
        } catch (IOException e) {
            throw new ExactApiException(0, "the download broke off (" + rootMessage(e) + ")", e);
        }
        if (content.length < PDF_MAGIC.length || !java.util.Arrays.equals(content, 0, PDF_MAGIC.length, PDF_MAGIC, 0,
                PDF_MAGIC.length)) {
            throw new RefusedFileException("the download does not start like a PDF file");
        }
        return content;
    }

    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                throw new RefusedFileException("the file is larger than the " + maxBytes + " bytes allowed");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    public Optional<RateLimit> lastRateLimit() {
        return Optional.ofNullable(lastRateLimit);
    }

    private TokenGrant token(Form form) {
        JsonObject body = call(null, () -> api.token(form));
        String access = ExactJson.optionalString(body, "access_token").orElse(null);
        String refresh = ExactJson.optionalString(body, "refresh_token").orElse(null);
        if (access == null || refresh == null) {
            throw new MalformedRecordException("the token answer lacks access_token or refresh_token");
        }
        // Exact sends expires_in as a string ("600"); accept a number as well.
        String expires = body.containsKey("expires_in") ? body.get("expires_in").toString().replace("\"", "") : "600";
        try {
            return new TokenGrant(access, refresh, Duration.ofSeconds(Long.parseLong(expires.trim())));
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("expires_in is not a number: " + expires);
        }
    }

    private JsonObject call(ExactEndpoint endpoint, Supplier<Response> request) {
        return parse(exchange(endpoint, request));
    }

    /**
     * The body of a 2xx answer ("" for 204), after the retries that are safe; every other answer throws.
     * {@code endpoint} is null for calls outside a division's API (token, current/Me), which are not guarded.
     */
    private String exchange(ExactEndpoint endpoint, Supplier<Response> request) {
        return exchange(endpoint, request, MAX_ATTEMPTS, ExactClient::jsonText);
    }

    /** The body of a 2xx answer as {@code success} reads it, within {@code attempts} tries. */
    private <T> T exchange(ExactEndpoint endpoint, Supplier<Response> request, int attempts, Function<Response, T> success) {
        if (endpoint != null) {
            guard.admit(endpoint);
            keepReserve(endpoint.division());
        }
        ExactApiException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            paceBeforeCall(endpoint);
            Response response;
            try {
                response = request.get();
            } catch (ProcessingException e) {
                last = new ExactApiException(0, "Exact Online did not answer in time (" + rootMessage(e) + ")", e);
                backOff(attempt, attempts, last);
                continue;
            }
            try {
                RateLimit seen = RateLimit.from(response).orElse(null);
                if (seen != null) {
                    lastRateLimit = seen;
                    if (endpoint != null) {
                        rateLimits.put(endpoint.division(), seen);
                    }
                }
                int status = response.getStatus();
                if (status >= 200 && status < 300 && (status == 204 || !declaresHtml(response))) {
                    // The reader sees the body first: a file is read as bytes, JSON text is checked for a page.
                    return success.apply(response);
                }
                String text = response.hasEntity() ? response.readEntity(String.class) : "";
                String page = htmlTitle(response, text);
                if (page != null && (status < 400 || status >= 500)) {
                    throw proxyPage(status, page);
                }
                if (status == 429 && isErrorBlock(seen)) {
                    throw blocked(endpoint, errorMessage(text));
                }
                if (status == 429) {
                    last = new ExactApiException(429, "Exact Online's rate limit was reached");
                    waitForReset(attempt, attempts, last);
                    continue;
                }
                if (status >= 500) {
                    last = new ExactApiException(status, "Exact Online is unavailable (HTTP " + status + ")");
                    backOff(attempt, attempts, last);
                    continue;
                }
                ExactApiException refused = failure(status, text);
                if (endpoint != null && status != 408) {
                    guard.refused(endpoint, status, refused.getMessage(), false);
                }
                throw refused;
            } catch (ProxyPageException e) {
                last = e;
                backOff(attempt, attempts, last);
            } finally {
                response.close();
            }
        }
        throw last;
    }

    /** A 2xx JSON answer's text; a page where JSON belongs (no type, starts with '<') is a proxy's. */
    private static String jsonText(Response response) {
        String text = response.hasEntity() ? response.readEntity(String.class) : "";
        String page = htmlTitle(response, text);
        if (page != null) {
            throw proxyPage(response.getStatus(), page);
        }
        return text;
    }

    private static ProxyPageException proxyPage(int status, String page) {
        return new ProxyPageException(status, "Exact Online is unavailable (HTTP " + status + "): an HTML page "
                + "came back instead of JSON (\"" + page + "\"), as a proxy or a maintenance window in front "
                + "of Exact answers");
    }

    private static boolean declaresHtml(Response response) {
        String type = response.getHeaderString("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).contains("html");
    }

    /**
     * A 429 that is not the rate limit's: the answer still shows calls left this minute and today. That is Exact
     * blocking the endpoint for too many errors; waiting a minute would not help, and trying again lengthens it.
     */
    private static boolean isErrorBlock(RateLimit seen) {
        return seen != null && seen.minutelyRemaining() > 0 && seen.dailyRemaining() > 0;
    }

    private ExactApiException blocked(ExactEndpoint endpoint, String exactsMessage) {
        String message = "Exact Online has blocked " + (endpoint == null ? "this call" : endpoint.path())
                + " for too many errors: " + exactsMessage;
        if (endpoint == null) {
            return new ExactApiException(429, message);
        }
        guard.refused(endpoint, 429, message, true);
        return new EndpointPausedException(endpoint, clock.instant().plus(Duration.ofHours(1)), message);
    }

    /**
     * A scheduled sync does not spend the daily reserve: it stops when no more than the reserve is left, so that
     * write-backs and the syncs people wait for still have calls until the daily reset.
     */
    private void keepReserve(int division) {
        if (!budget.purpose().keepsReserve() || budget.dailyReserve() == 0) {
            return;
        }
        RateLimit known = rateLimits.getOrDefault(division, budget.lastKnown());
        if (known == null || known.dailyRemaining() < 0 || known.dailyReset() == null
                || !clock.instant().isBefore(known.dailyReset())) {
            return;
        }
        if (known.dailyRemaining() <= budget.dailyReserve()) {
            throw new BudgetReservedException(budget.purpose().whenReserved() + ": " + known.dailyRemaining() + " of today's "
                    + "Exact Online calls are left, and " + budget.dailyReserve() + " are kept for write-back and for "
                    + "syncs people ask for. It goes on after the daily reset at " + known.dailyReset() + ".",
                    known.dailyReset());
        }
    }

    /** The page's title when the body is HTML (by its type or its first character); null for anything else. */
    static String htmlTitle(Response response, String text) {
        boolean html = response.getHeaderString("Content-Type") != null ? declaresHtml(response)
                : text.stripLeading().startsWith("<");
        if (!html || text.isBlank()) {
            // An empty answer (a PUT's 204) is no page, whatever type a server labels it with.
            return null;
        }
        Matcher m = TITLE.matcher(text);
        String title = m.find() ? m.group(1).replaceAll("\\s+", " ").strip() : "";
        return title.isEmpty() ? "no title" : title;
    }

    private ExactApiException failure(int status, String text) {
        String message = errorMessage(text);
        if (status == 400 && text.contains("invalid_grant")) {
            return new InvalidGrantException("Exact Online refused the authorization: " + message);
        }
        if (status == 401) {
            return new ExactApiException(401, "Exact Online refused the access token: " + message);
        }
        return new ExactApiException(status, "Exact Online answered HTTP " + status + ": " + message);
    }

    /** Exact's error bodies: {"error":{"message":{"value":..}}} on the API, {"error_description":..} on OAuth. */
    static String errorMessage(String text) {
        try {
            JsonObject body = read(text);
            if (body.containsKey("error_description")) {
                return body.getString("error_description", "");
            }
            if (body.get("error") instanceof JsonObject error && error.get("message") instanceof JsonObject message) {
                return message.getString("value", "");
            }
            return body.getString("error", text);
        } catch (JsonException | ClassCastException e) {
            String plain = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
            return plain.length() > 200 ? plain.substring(0, 200) + "…" : plain;
        }
    }

    private static JsonObject parse(String text) {
        try {
            return read(text);
        } catch (JsonException | ClassCastException e) {
            throw new MalformedRecordException("the answer is not valid JSON");
        }
    }

    private static JsonObject read(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /**
     * No call into a minute that has no calls left: wait for its reset instead of provoking a 429. A scheduled
     * sync also leaves the minutely reserve to others, so a write-back or a person's sync never waits long. The
     * first call into a division judges by the headers the last round stored, as {@link #keepReserve} does.
     */
    private void paceBeforeCall(ExactEndpoint endpoint) {
        RateLimit limit = endpoint == null ? lastRateLimit : rateLimits.getOrDefault(endpoint.division(), budget.lastKnown());
        long keep = budget.purpose().keepsReserve() ? budget.minutelyReserve() : 0;
        if (limit != null && limit.minutelyRemaining() >= 0 && limit.minutelyRemaining() <= keep
                && limit.minutelyReset() != null && clock.instant().isBefore(limit.minutelyReset())) {
            if (budget.purpose() == CallPurpose.ATTACHMENT_DOWNLOAD) {
                // A dispatch pass waits for this round: its reminders go without the file rather than wait a minute.
                throw new BudgetReservedException(budget.purpose().whenReserved() + ": Exact Online's calls for this "
                        + "minute are kept in reserve until " + limit.minutelyReset(), limit.minutelyReset());
            }
            sleepUntil(limit.minutelyReset());
        }
    }

    private void waitForReset(int attempt, int attempts, ExactApiException cause) {
        if (attempt == attempts) {
            return;
        }
        RateLimit limit = lastRateLimit;
        Instant reset = limit != null && limit.minutelyReset() != null ? limit.minutelyReset()
                : clock.instant().plusSeconds(60);
        if (limit != null && limit.dailyRemaining() == 0) {
            throw new ExactApiException(429, "Exact Online's daily call limit is used up until " + limit.dailyReset(), cause);
        }
        sleepUntil(reset);
    }

    private void backOff(int attempt, int attempts, ExactApiException cause) {
        if (attempt == attempts) {
            return;
        }
        Duration wait = Duration.ofMillis(500L << (attempt - 1));
        LOG.fine(() -> "Retrying after " + cause.getMessage() + " in " + wait.toMillis() + " ms");
        sleeper.sleep(wait);
    }

    private void sleepUntil(Instant reset) {
        Duration wait = Duration.between(clock.instant(), reset).plusMillis(250);
        if (wait.isNegative()) {
            return;
        }
        sleeper.sleep(wait.compareTo(MAX_RATE_WAIT) > 0 ? MAX_RATE_WAIT : wait);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Waiting is a dependency so that tests can count the waits instead of sitting through them. */
    public interface Sleeper {
        Sleeper THREAD = duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExactApiException(0, "Interrupted while waiting for Exact Online", e);
            }
        };

        void sleep(Duration duration);
    }
}

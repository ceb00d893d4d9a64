package nl.dunwise.exact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where Exact Online is and who we are there. Production differs from the sandbox only in these values. */
@ApplicationScoped
public class ExactSettings {

    private static final Logger LOG = Logger.getLogger(ExactSettings.class.getName());

    static final String DAILY_RESERVE = "dunwise.exact.reserve.daily";
    static final String MINUTELY_RESERVE = "dunwise.exact.reserve.minutely";

    @Inject
    @ConfigProperty(name = "dunwise.exact.base-url")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "dunwise.exact.country", defaultValue = "nl")
    String country;

    @Inject
    @ConfigProperty(name = "dunwise.exact.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "dunwise.exact.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "dunwise.exact.webhook-secret")
    Optional<String> webhookSecret;

    @Inject
    @ConfigProperty(name = "dunwise.admin.url")
    String adminUrl;

    /** Calls of Exact's daily budget (per division) the scheduled sync leaves for write-back and people. */
    @Inject
    @ConfigProperty(name = DAILY_RESERVE, defaultValue = "500")
    long dailyReserve;

    /** Calls of each minute's budget the scheduled sync leaves for write-back and people. */
    @Inject
    @ConfigProperty(name = MINUTELY_RESERVE, defaultValue = "10")
    long minutelyReserve;

    public URI baseUri() {
        return URI.create(stripSlash(baseUrl));
    }

    public String country() {
        return country;
    }

    public boolean configured() {
        return clientId.filter(s -> !s.isBlank()).isPresent() && clientSecret.filter(s -> !s.isBlank()).isPresent();
    }

    public String clientId() {
        requireConfigured();
        return clientId.get().trim();
    }

    public String clientSecret() {
        requireConfigured();
        return clientSecret.get().trim();
    }

    /** The address Exact sends the browser back to; it must be registered with the app at Exact. */
    public String redirectUri() {
        return stripSlash(adminUrl) + "/exact/callback";
    }

    /** The app's webhook secret from the Exact App Center: the key of every HashCode Exact sends. */
    public Optional<String> webhookSecret() {
        return webhookSecret.map(String::trim).filter(s -> !s.isEmpty());
    }

    public long dailyReserve() {
        return notNegative(DAILY_RESERVE, dailyReserve);
    }

    public long minutelyReserve() {
        return notNegative(MINUTELY_RESERVE, minutelyReserve);
    }

    private static long notNegative(String key, long value) {
        if (value < 0) {
            LOG.warning(() -> key + " is " + value + "; a reserve cannot be negative, so none is kept");
            return 0;
        }
        return value;
    }

    /** Where Exact posts webhook events; public, outside the staff login (see web-admin's web.xml). */
    public String webhookCallbackUrl() {
        return stripSlash(adminUrl) + "/hooks/exact";
    }

    private void requireConfigured() {
        if (!configured()) {
            throw new ExactNotConfiguredException("The Exact Online app credentials are missing: set DUNWISE_EXACT_CLIENT_ID and DUNWISE_EXACT_CLIENT_SECRET (from the Exact App Center) and restart.");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

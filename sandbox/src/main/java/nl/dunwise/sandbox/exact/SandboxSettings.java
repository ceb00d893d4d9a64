package nl.dunwise.sandbox.exact;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The sandbox's MicroProfile Config settings. Values are looked up on every use rather than injected
 * once, so that a test can change e.g. the refresh interval or the rate limits with
 * {@code asadmin set-config-property} without redeploying. Defaults are the published demo values of
 * docs/contract.md, so a bare deployment works for a demo.
 */
@ApplicationScoped
public class SandboxSettings {

    public static final String CLIENT_ID = "sandbox.exact.client-id";
    public static final String CLIENT_SECRET = "sandbox.exact.client-secret";
    public static final String REDIRECT_URIS = "sandbox.exact.redirect-uris";
    public static final String MIN_REFRESH_SECONDS = "sandbox.exact.min-refresh-seconds";
    public static final String ACCESS_TOKEN_SECONDS = "sandbox.exact.access-token-seconds";
    public static final String RATE_MINUTELY = "sandbox.exact.rate.minutely";
    public static final String RATE_DAILY = "sandbox.exact.rate.daily";
    public static final String RATE_ERRORS_PER_HOUR = "sandbox.exact.rate.errors-per-hour";
    public static final String SEED = "sandbox.exact.seed";
    public static final String DEBTORS = "sandbox.exact.debtors";
    public static final String INVOICES = "sandbox.exact.invoices";
    public static final String DIVISION = "sandbox.exact.division";
    public static final String SEED_MODE = "sandbox.exact.seed-mode";
    public static final String WEBHOOK_SECRET = "sandbox.exact.webhook-secret";

    /** Demo values (docs/contract.md); never used in production. */
    public static final String DEMO_CLIENT_ID = "c0ffee00-0000-4000-8000-000000000001";
    public static final String DEMO_CLIENT_SECRET = "demo-only-exact-client-secret";
    public static final String DEMO_WEBHOOK_SECRET = "demo-only-exact-webhook-secret";

    private Config config() {
        return ConfigProvider.getConfig(SandboxSettings.class.getClassLoader());
    }

    private String string(String key, String fallback) {
        return config().getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty()).orElse(fallback);
    }

    private int integer(String key, int fallback) {
        return config().getOptionalValue(key, Integer.class).orElse(fallback);
    }

    private long number(String key, long fallback) {
        return config().getOptionalValue(key, Long.class).orElse(fallback);
    }

    public String clientId() {
        return string(CLIENT_ID, DEMO_CLIENT_ID);
    }

    public String clientSecret() {
        return string(CLIENT_SECRET, DEMO_CLIENT_SECRET);
    }

    /** The app's webhook secret (Exact shows it in the App Center): the key of every HashCode. */
    public String webhookSecret() {
        return string(WEBHOOK_SECRET, DEMO_WEBHOOK_SECRET);
    }

    /** Registered redirect URIs; empty means any absolute http(s) URL is accepted. */
    public List<String> redirectUris() {
        String v = string(REDIRECT_URIS, "");
        return v.isEmpty() ? List.of() : Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public int minRefreshSeconds() {
        return integer(MIN_REFRESH_SECONDS, 570);
    }

    public int accessTokenSeconds() {
        return integer(ACCESS_TOKEN_SECONDS, 600);
    }

    public int rateMinutely() {
        return integer(RATE_MINUTELY, 60);
    }

    public int rateDaily() {
        return integer(RATE_DAILY, 5000);
    }

    /** Errors (400, 401, 403, 404) per app, user, division and endpoint in an hour that block the endpoint. */
    public int errorsPerHour() {
        return integer(RATE_ERRORS_PER_HOUR, 10);
    }

    public long seed() {
        return number(SEED, 42L);
    }

    public int debtors() {
        return integer(DEBTORS, 200);
    }

    public int invoices() {
        return integer(INVOICES, 2000);
    }

    /**
     * {@code bulk}: an empty store is seeded with set-based SQL at volume (the sync benchmark); anything else
     * (default {@code demo}) uses the demo generator's hand-shaped data.
     */
    public boolean bulkSeed() {
        return string(SEED_MODE, "demo").equalsIgnoreCase("bulk");
    }

    public int division() {
        return integer(DIVISION, 3124567);
    }
}

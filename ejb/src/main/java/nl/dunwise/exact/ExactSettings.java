package nl.dunwise.exact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where Exact Online is and who we are there. Production differs from the sandbox only in these values. */
@ApplicationScoped
public class ExactSettings {

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

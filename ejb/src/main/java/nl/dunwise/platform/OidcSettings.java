package nl.dunwise.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OpenID Connect settings of the cockpit (the portal's own sign-in comes with the portal issue),
 * read from MicroProfile Config and named for the {@code ${...}} expressions in its
 * {@code @OpenIdAuthenticationMechanismDefinition}.
 */
@Named
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "dunwise.oidc.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "dunwise.oidc.admin.client-id")
    String adminClientId;

    @Inject
    @ConfigProperty(name = "dunwise.oidc.admin.client-secret")
    Optional<String> adminClientSecret;

    public String getIssuer() {
        return issuer;
    }

    public String getAdminClientId() {
        return adminClientId;
    }

    public String getAdminClientSecret() {
        return adminClientSecret.orElse("");
    }

    /** Keycloak's end-session endpoint: logging out of Dunwise also ends the single sign-on session. */
    public String logoutUrl(String clientId, String postLogoutRedirect) {
        return issuer + "/protocol/openid-connect/logout?client_id=" + java.net.URLEncoder.encode(clientId, java.nio.charset.StandardCharsets.UTF_8)
                + "&post_logout_redirect_uri=" + java.net.URLEncoder.encode(postLogoutRedirect, java.nio.charset.StandardCharsets.UTF_8);
    }
}

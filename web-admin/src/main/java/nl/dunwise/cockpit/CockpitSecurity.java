package nl.dunwise.cockpit;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * Staff sign in at Keycloak with the authorization-code flow. Keycloak's realm roles arrive in a
 * top-level "groups" claim (a realm mapper), which Payara maps to the roles of the same name.
 */
@ApplicationScoped
@DeclareRoles({Roles.CREDIT_MANAGER, Roles.COLLECTOR, Roles.AUDITOR})
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcSettings.issuer}",
        clientId = "${oidcSettings.adminClientId}",
        clientSecret = "${oidcSettings.adminClientSecret}",
        redirectURI = "${baseURL}/callback",
        // Soteria's restored original request has no parameter map and Faces fails on it (an NPE in
        // RequestData.getParameters), so the callback lands on SignedInServlet, which redirects.
        redirectToOriginalResource = false,
        scope = {"openid", "email", "profile"},
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"))
public class CockpitSecurity {
}

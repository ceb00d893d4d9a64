package nl.dunwise.sandbox.exact.oauth;

import java.util.UUID;

/** Who is calling: the app, the user who authorized it, and that user's current division. */
public record ApiPrincipal(String clientId, UUID userId, UUID grantId, int currentDivision) {
}

package nl.dunwise.exact;

import nl.dunwise.exact.client.InvalidGrantException;
import nl.dunwise.exact.client.TokenGrant;

/**
 * Exact's token endpoint as the {@link TokenRefresher} sees it: in production {@code ExactClient.refresh} with
 * the app's credentials, in tests a stand-in that rotates tokens like Exact does.
 */
@FunctionalInterface
public interface TokenEndpoint {

    /**
     * Swaps a refresh token for new tokens; from then on the refresh token sent is dead.
     *
     * @throws InvalidGrantException when Exact refuses the refresh token (reused, expired or revoked)
     */
    TokenGrant refresh(String refreshToken);
}

package nl.dunwise.exact.client;

import java.time.Duration;

/** What Exact's token endpoint hands out. The refresh token replaces the previous one, which stops working. */
public record TokenGrant(String accessToken, String refreshToken, Duration expiresIn) {

    @Override
    public String toString() {
        return "TokenGrant[expiresIn=" + expiresIn + "]";
    }
}

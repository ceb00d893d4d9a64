package nl.dunwise.exact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import nl.dunwise.exact.client.InvalidGrantException;
import nl.dunwise.exact.client.TokenGrant;

/**
 * Exact's token endpoint as the refresher meets it: each refresh answers a new refresh token and kills the one
 * sent, a dead one is refused with invalid_grant, and so is a refresh earlier than 570 s after the last access
 * token was issued. Counts what it was asked; a delay keeps a refresh in flight longer to widen races.
 */
final class ExactTokenDesk implements TokenEndpoint {

    static final Duration ACCESS_LIFETIME = Duration.ofSeconds(600);

    private final Clock clock;
    private final Duration delay;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicReference<Runnable> beforeNextAnswer = new AtomicReference<>();
    private String refreshToken;
    private String accessToken;
    private Instant lastIssuedAt;
    private int issued;

    ExactTokenDesk(Clock clock, Duration delay) {
        this.clock = clock;
        this.delay = delay;
    }

    /** The tokens of a fresh authorization, as the code exchange hands them out. */
    synchronized TokenGrant authorize() {
        return issue();
    }

    /** Runs once, inside the next call, before that call is judged: a rival's move in the middle of a refresh. */
    void beforeNextAnswer(Runnable rival) {
        beforeNextAnswer.set(rival);
    }

    @Override
    public TokenGrant refresh(String sent) {
        calls.incrementAndGet();
        Runnable rival = beforeNextAnswer.getAndSet(null);
        if (rival != null) {
            rival.run();
        }
        TokenGrant grant;
        synchronized (this) {
            if (!sent.equals(refreshToken)) {
                refusals.incrementAndGet();
                throw new InvalidGrantException("Exact Online refused the authorization: The refresh token has already been used");
            }
            if (clock.instant().isBefore(lastIssuedAt.plus(TokenRefresher.EXACT_MIN_REFRESH_AGE))) {
                refusals.incrementAndGet();
                throw new InvalidGrantException("Exact Online refused the authorization: The access token may be refreshed only when it is about to expire");
            }
            grant = issue();
        }
        sleep(delay);
        return grant;
    }

    private TokenGrant issue() {
        issued++;
        refreshToken = "refresh-" + issued;
        accessToken = "access-" + issued;
        lastIssuedAt = clock.instant();
        return new TokenGrant(accessToken, refreshToken, ACCESS_LIFETIME);
    }

    int calls() {
        return calls.get();
    }

    int refusals() {
        return refusals.get();
    }

    synchronized String liveRefreshToken() {
        return refreshToken;
    }

    synchronized String newestAccessToken() {
        return accessToken;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package nl.dunwise.exact;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.exact.client.CallBudget;
import nl.dunwise.exact.client.CallPurpose;
import nl.dunwise.exact.client.EndpointGuard;
import nl.dunwise.exact.client.ExactApiException;
import nl.dunwise.exact.client.ExactClient;
import nl.dunwise.exact.client.ExactJson;
import nl.dunwise.exact.client.TokenGrant;

/**
 * Connects Dunwise to Exact Online and keeps the connection alive. Exact rotates refresh tokens: the
 * old one dies the moment a new one is issued. So a refresh happens under a row lock on the connection
 * (one refresher across threads and servers) and the new tokens are committed before anyone uses them;
 * {@link TokenRefresher} does that on plain JDBC.
 */
@Stateless
public class ExactConnectionService {

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    @Inject
    private ExactSettings settings;

    @Inject
    private TokenCipher cipher;

    @Inject
    private Clock clock;

    @Inject
    private AuditLog audit;

    @Inject
    private Event<DivisionAdded> divisionAdded;

    @Inject
    private ExactEndpointErrors endpointErrors;

    public boolean configured() {
        return settings.configured();
    }

    /** Where to send the credit manager's browser to grant Dunwise access; {@code state} ties the answer to them. */
    public String authorizationUrl(String state) {
        return settings.baseUri() + "/api/oauth2/auth"
                + "?client_id=" + encode(settings.clientId())
                + "&redirect_uri=" + encode(settings.redirectUri())
                + "&response_type=code"
                + "&state=" + encode(state);
    }

    /**
     * Finishes the authorization: swaps the code for tokens, learns who connected and which divisions
     * they reach, and stores it all in one transaction.
     */
    public ExactConnection completeAuthorization(String code, Actor actor) {
        ExactClient client = client(CallPurpose.INTERACTIVE);
        TokenGrant grant = client.exchangeCode(code, settings.redirectUri(), settings.clientId(), settings.clientSecret());
        JsonObject me = client.me(grant.accessToken());
        ExactUser user = new ExactUser(ExactJson.guid(me, "UserID"), ExactJson.optionalString(me, "UserName").orElse(null),
                ExactJson.optionalString(me, "FullName").orElse(null), ExactJson.int32(me, "CurrentDivision").orElse(null));
        if (user.currentDivision() == null) {
            throw new ExactApiException(200, "The Exact Online user " + user.userName() + " has no current division");
        }
        List<JsonObject> divisions = client.divisions(grant.accessToken(), user.currentDivision());

        ExactConnection connection = current().orElseGet(() -> {
            ExactConnection created = new ExactConnection(settings.country(), settings.baseUri().toString());
            em.persist(created);
            return created;
        });
        connection.storeTokens(cipher.encrypt(grant.accessToken()), cipher.encrypt(grant.refreshToken()),
                clock.instant(), grant.expiresIn());
        connection.connected(user, actor.name(), clock.instant());
        em.flush();
        for (JsonObject d : divisions) {
            addOrUpdateDivision(connection, d);
        }
        audit.record(user.currentDivision(), actor, "EXACT_CONNECTED", "ExactConnection", connection.getId(),
                "Exact user " + user.userName() + ", " + divisions.size() + " division(s)");
        return connection;
    }

    private void addOrUpdateDivision(ExactConnection connection, JsonObject d) {
        int code = ExactJson.int32(d, "Code").orElseThrow(() -> new ExactApiException(200, "A division has no Code"));
        String description = ExactJson.optionalString(d, "Description").orElse("Division " + code);
        String currency = ExactJson.optionalString(d, "Currency").orElse("EUR");
        String country = ExactJson.optionalString(d, "Country").map(String::trim).orElse(null);
        Division division = em.find(Division.class, code);
        if (division == null) {
            division = new Division(code, connection.getId(), description, currency, country, clock.instant());
            em.persist(division);
            em.flush();
            divisionAdded.fire(new DivisionAdded(division));
        } else {
            division.update(description, currency, country);
        }
    }

    public Optional<ExactConnection> current() {
        return em.createQuery("select c from ExactConnection c order by c.id", ExactConnection.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** Whether Exact is connected now; the timers that call Exact skip their round when it is not. */
    public boolean connected() {
        return current().map(c -> c.getStatus() == ConnectionStatus.CONNECTED).orElse(false);
    }

    /** Every division the connection reaches, managed or not, for the credit manager to choose from. */
    public List<Division> divisions() {
        return em.createQuery("select d from Division d order by d.code", Division.class).getResultList();
    }

    /**
     * Switches a division on or off for Dunwise; audited. A division managed for the first time gets the
     * default scenarios and templates ({@link DivisionAdded}), in this transaction.
     */
    public void setManaged(int code, boolean managed, Actor actor) {
        Division division = em.find(Division.class, code);
        if (division == null) {
            throw new IllegalArgumentException("No division " + code);
        }
        if (division.isManaged() == managed) {
            return;
        }
        if (!managed) {
            division.unmanage();
        } else if (division.manage(clock.instant())) {
            divisionAdded.fire(new DivisionAdded(division));
        }
        audit.record(code, actor, managed ? "EXACT_DIVISION_MANAGED" : "EXACT_DIVISION_UNMANAGED", "Division", code,
                division.getDescription());
    }

    /** The divisions Dunwise syncs and duns; every sync, webhook and dunning run goes through this list. */
    public List<Division> managedDivisions() {
        return em.createQuery("select d from Division d where d.managed = true order by d.code", Division.class)
                .getResultList();
    }

    /** The division the cockpit's pages work on: the first managed one (a picker comes with a second division). */
    public Optional<Integer> cockpitDivision() {
        return managedDivisions().stream().map(Division::getCode).findFirst();
    }

    /**
     * A usable access token, refreshed first when it is about to expire. Outside any container transaction: the
     * refresher commits the rotated refresh token in a transaction of its own before this method returns.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String accessToken() {
        return refresher().accessToken(connectionId(), false);
    }

    /** After a 401 on a token we believed valid: refresh regardless of its expiry time, as soon as Exact allows. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String refreshedAccessToken() {
        return refresher().accessToken(connectionId(), true);
    }

    private long connectionId() {
        return current().map(ExactConnection::getId)
                .orElseThrow(() -> new ExactNotConfiguredException("Dunwise is not connected to Exact Online yet: a credit manager must click \"Connect to Exact Online\" in the cockpit."));
    }

    private TokenRefresher refresher() {
        // The token call has no division, so neither the error counts nor the call budget apply to it.
        ExactClient client = new ExactClient(settings.baseUri(), clock, EndpointGuard.NONE,
                CallBudget.unreserved(CallPurpose.INTERACTIVE));
        return new TokenRefresher(dataSource,
                refreshToken -> client.refresh(refreshToken, settings.clientId(), settings.clientSecret()), cipher, clock);
    }

    public void disconnect(Actor actor) {
        current().ifPresent(c -> {
            c.disconnected();
            audit.record(c.getCurrentDivision(), actor, "EXACT_DISCONNECTED", "ExactConnection", c.getId(), null);
        });
    }

    /**
     * A client for one round of calls: guarded by the shared error counts, and for a scheduled sync leaving the
     * reserve of the call budget, starting from the rate-limit headers the last round saw.
     */
    public ExactClient client(CallPurpose purpose) {
        CallBudget budget = new CallBudget(purpose, settings.dailyReserve(), settings.minutelyReserve(),
                current().map(c -> c.getRateLimit().asRateLimit()).orElse(null));
        return new ExactClient(settings.baseUri(), clock, new GuardedEndpoints(endpointErrors, clock), budget);
    }

    /** The calls a scheduled sync leaves for write-back and people: per day, per minute. */
    public long dailyReserve() {
        return settings.dailyReserve();
    }

    public long minutelyReserve() {
        return settings.minutelyReserve();
    }

    /**
     * The daily reset the scheduled sync waits for, while the last answer showed no more calls left today than
     * the reserve; empty while it may call.
     */
    public Optional<Instant> scheduledSyncWaitsUntil() {
        return current().flatMap(c -> c.getRateLimit().scheduledSyncWaitsUntil(settings.dailyReserve(), clock.instant()));
    }

    /** Endpoints that answered errors in the last hour, and which Dunwise leaves alone for now. */
    public List<EndpointErrors> endpointErrors() {
        return endpointErrors.lastHour(clock.instant());
    }

    public static String newState() {
        return UUID.randomUUID().toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package nl.dunwise.exact;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import nl.dunwise.exact.client.RateLimit;

/** Dunwise's authorization at Exact Online, on behalf of the Exact user who connected it. */
@Entity
@Table(name = "exact_connection")
public class ExactConnection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String country;

    @Column(name = "base_url", nullable = false)
    private String baseUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConnectionStatus status;

    @Column(name = "exact_user_id")
    private UUID exactUserId;

    @Column(name = "exact_user_name")
    private String exactUserName;

    @Column(name = "exact_user_full_name")
    private String exactUserFullName;

    @Column(name = "current_division")
    private Integer currentDivision;

    @Column(name = "access_token_enc")
    private byte[] accessTokenEncrypted;

    @Column(name = "access_token_issued_at")
    private Instant accessTokenIssuedAt;

    @Column(name = "access_token_expires_at")
    private Instant accessTokenExpiresAt;

    @Column(name = "refresh_token_enc")
    private byte[] refreshTokenEncrypted;

    @Column(name = "connected_by")
    private String connectedBy;

    @Column(name = "connected_at")
    private Instant connectedAt;

    @Column(name = "last_error")
    private String lastError;

    @Embedded
    private ExactCircuit circuit = new ExactCircuit();

    @Embedded
    private LastRateLimit rateLimit = new LastRateLimit();

    @Version
    private long version;

    protected ExactConnection() {
    }

    ExactConnection(String country, String baseUrl) {
        this.country = country;
        this.baseUrl = baseUrl;
        this.status = ConnectionStatus.DISCONNECTED;
    }

    void connected(ExactUser user, String connectedBy, Instant at) {
        this.exactUserId = user.id();
        this.exactUserName = user.userName();
        this.exactUserFullName = user.fullName();
        this.currentDivision = user.currentDivision();
        this.connectedBy = connectedBy;
        this.connectedAt = at;
        this.status = ConnectionStatus.CONNECTED;
        this.lastError = null;
    }

    void storeTokens(byte[] accessTokenEncrypted, byte[] refreshTokenEncrypted, Instant issuedAt, Duration lifetime) {
        this.accessTokenEncrypted = accessTokenEncrypted;
        this.refreshTokenEncrypted = refreshTokenEncrypted;
        this.accessTokenIssuedAt = issuedAt;
        this.accessTokenExpiresAt = issuedAt.plus(lifetime);
    }

    void disconnected() {
        this.status = ConnectionStatus.DISCONNECTED;
        this.lastError = null;
        wipeTokens();
    }

    private void wipeTokens() {
        this.accessTokenEncrypted = null;
        this.refreshTokenEncrypted = null;
        this.accessTokenIssuedAt = null;
        this.accessTokenExpiresAt = null;
    }

    /** Whether a scheduled round may call Exact now; see {@link ExactCircuit#admits}. */
    boolean admitsRound(Instant now) {
        return getCircuit().admits(now);
    }

    void recordRound(ExactRound round, Instant now) {
        if (round.outage() != null) {
            getCircuit().failed(round.outage(), now);
        } else if (round.answered()) {
            getCircuit().succeeded();
        } else {
            getCircuit().untried(now);
        }
        rateLimitSeen(round.rateLimit(), now);
    }

    void rateLimitSeen(RateLimit seen, Instant now) {
        if (seen != null) {
            if (rateLimit == null) {
                rateLimit = new LastRateLimit();
            }
            rateLimit.seen(seen, now);
        }
    }

    public Long getId() {
        return id;
    }

    public String getCountry() {
        return country;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public ConnectionStatus getStatus() {
        return status;
    }

    public String getExactUserName() {
        return exactUserName;
    }

    public String getExactUserFullName() {
        return exactUserFullName;
    }

    public Integer getCurrentDivision() {
        return currentDivision;
    }

    public String getConnectedBy() {
        return connectedBy;
    }

    public Instant getConnectedAt() {
        return connectedAt;
    }

    public String getLastError() {
        return lastError;
    }

    public ExactCircuit getCircuit() {
        // EclipseLink may load an embeddable whose columns are all null as null.
        if (circuit == null) {
            circuit = new ExactCircuit();
        }
        return circuit;
    }

    /**
     * The headers the last round saw; an empty one before any. Reading never changes the entity: a lazily
     * set field would make every transaction that only looked at the connection write it, and fail on the
     * version another server had just written.
     */
    public LastRateLimit getRateLimit() {
        return rateLimit == null ? new LastRateLimit() : rateLimit;
    }
}

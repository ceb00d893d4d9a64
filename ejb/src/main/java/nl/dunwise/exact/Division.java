package nl.dunwise.exact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** An Exact Online company (administratie); every business row in Dunwise belongs to one. */
@Entity
@Table(name = "division")
public class Division {

    @Id
    private Integer code;

    @Column(name = "connection_id", nullable = false)
    private Long connectionId;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String currency;

    private String country;

    @Column(nullable = false)
    private boolean managed;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "first_managed_at")
    private Instant firstManagedAt;

    protected Division() {
    }

    Division(Integer code, Long connectionId, String description, String currency, String country, Instant addedAt) {
        this.code = code;
        this.connectionId = connectionId;
        this.addedAt = addedAt;
        this.managed = true;
        this.firstManagedAt = addedAt;
        update(description, currency, country);
    }

    /**
     * Dunwise syncs and duns this division from now on; answers whether that is the first time, when the
     * division needs its default scenarios and templates.
     */
    boolean manage(Instant now) {
        managed = true;
        if (firstManagedAt != null) {
            return false;
        }
        firstManagedAt = now;
        return true;
    }

    /** Neither synced nor dunned any more; what was synced stays, and managing it again picks up where it was. */
    void unmanage() {
        managed = false;
    }

    void update(String description, String currency, String country) {
        this.description = description;
        this.currency = currency;
        this.country = country;
    }

    public Integer getCode() {
        return code;
    }

    public String getDescription() {
        return description;
    }

    public String getCurrency() {
        return currency;
    }

    public String getCountry() {
        return country;
    }

    /**
     * The language of the notes Dunwise leaves in Exact: that of the people who work in it, Dutch for a Dutch
     * or Belgian company, else English (not the debtor's).
     */
    public Locale noteLocale() {
        return languageOfCountry(country);
    }

    /** What people in a company of this country read: Dutch in the Netherlands and Belgium, else English. */
    public static Locale languageOfCountry(String country) {
        return "NL".equalsIgnoreCase(country) || "BE".equalsIgnoreCase(country) ? Locale.forLanguageTag("nl")
                : Locale.ENGLISH;
    }

    public boolean isManaged() {
        return managed;
    }
}

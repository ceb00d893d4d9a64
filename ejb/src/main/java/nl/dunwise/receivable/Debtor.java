package nl.dunwise.receivable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import java.util.UUID;

/** A customer of our user's company, as an Exact account. Rows are written by the sync. */
@Entity
@Table(name = "debtor")
public class Debtor {

    @Id
    private Long id;

    @Column(nullable = false)
    private Integer division;

    @Column(name = "exact_id", nullable = false)
    private UUID exactId;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    private String email;

    private String language;

    private String country;

    private String city;

    @Column(name = "scenario_id")
    private Long scenarioId;

    @Column(nullable = false)
    private boolean consumer;

    protected Debtor() {
    }

    public Long getId() {
        return id;
    }

    public Integer getDivision() {
        return division;
    }

    public UUID getExactId() {
        return exactId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getCountry() {
        return country;
    }

    public String getCity() {
        return city;
    }

    /** A consumer (B2C) rather than a business: decides interest kind and whether the 14-day letter is required. */
    public boolean isConsumer() {
        return consumer;
    }

    public Long getScenarioId() {
        return scenarioId;
    }

    /** The language we write to this debtor in: its Exact language when we speak it, else Dutch for NL/BE, else English. */
    public Locale locale() {
        if (language != null && SupportedLanguages.isSupported(language)) {
            return Locale.forLanguageTag(language);
        }
        return "NL".equalsIgnoreCase(country) || "BE".equalsIgnoreCase(country) ? Locale.forLanguageTag("nl") : Locale.ENGLISH;
    }
}

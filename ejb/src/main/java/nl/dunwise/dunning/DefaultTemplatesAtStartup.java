package nl.dunwise.dunning;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** After the schema is migrated, fills in default texts that a new release brought (e.g. a new language). */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DefaultTemplatesAtStartup {

    @Inject
    private DefaultScenarios defaults;

    @PostConstruct
    void addMissing() {
        defaults.addMissingTemplates();
    }
}

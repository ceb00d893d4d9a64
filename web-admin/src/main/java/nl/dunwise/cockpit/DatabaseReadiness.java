package nl.dunwise.cockpit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.dunwise.platform.DatabaseStatus;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Dunwise is ready only while its database answers. The check lives in a web module because Payara's
 * health endpoint only collects checks from web modules.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    private DatabaseStatus database;

    @Override
    public HealthCheckResponse call() {
        return database.problem()
                .map(problem -> HealthCheckResponse.named("database").down().withData("error", problem).build())
                .orElseGet(() -> HealthCheckResponse.named("database").up().build());
    }
}

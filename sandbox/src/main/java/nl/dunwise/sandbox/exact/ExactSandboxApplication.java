package nl.dunwise.sandbox.exact;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounted at {@code /api} so that paths under the context root match Exact's ({@code /api/oauth2/..}, {@code /api/v1/..}). */
@ApplicationPath("/api")
public class ExactSandboxApplication extends Application {
}
